//! The Haat server: `haat` serves the site; `haat create-admin` makes the
//! first admin; `haat demo-data` loads the demo shop (idempotent; refused in
//! production unless `--force`); `haat migrate` applies migrations only.

use haat::server::{config::Config, demo, first_admin, shutdown, startup, telemetry};
use leptos::config::get_configuration;

// Rendering a page makes and frees many small strings and vectors; glibc's
// malloc spent a fifth of the server's CPU on them (bench/PROFILE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("haat: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    telemetry::init(&config.log_level, config.log_json);
    let pool = startup::connect(&config).await?;
    startup::migrate(&pool).await?;
    startup::create_settings(&pool, &config).await?;

    match std::env::args().nth(1).as_deref() {
        Some("migrate") => return Ok(()),
        Some("create-admin") => {
            match first_admin::run(&pool).await? {
                first_admin::Outcome::Created(email) => {
                    println!("Created the admin account {email}.")
                }
                first_admin::Outcome::Promoted(email) => {
                    println!("{email} is now an admin, with the new password.")
                }
            }
            return Ok(());
        }
        Some("demo-data") => {
            let forced = std::env::args().nth(2).as_deref() == Some("--force");
            if config.production && !forced {
                return Err(
                    "demo-data refuses to run with LEPTOS_ENV=PROD: it adds accounts whose \
                            password is published. Use `haat create-admin` for a live shop, or \
                            `haat demo-data --force` on a demo server."
                        .into(),
                );
            }
            demo::load(&pool).await?;
            println!(
                "\n  Demo logins (password for all: {})",
                demo::DEMO_PASSWORD
            );
            for (email, _, role) in demo::DEMO_ACCOUNTS {
                println!("    {:<9} {email}", role.as_str());
            }
            return Ok(());
        }
        Some(other) => {
            return Err(format!(
                "unknown command {other:?} (try: migrate, create-admin, demo-data)"
            )
            .into())
        }
        None => {}
    }

    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.site_addr = config.listen_addr;
    let listener = tokio::net::TcpListener::bind(config.listen_addr).await?;
    let state = startup::state(config, pool, leptos_options);
    startup::spawn_background_tasks(&state);
    tracing::info!("listening on http://{}", listener.local_addr()?);
    tokio::spawn(shutdown::on_signal(state.shutdown.clone()));
    let shutdown = state.shutdown.clone();
    startup::serve(listener, startup::router(state), shutdown).await?;
    Ok(())
}
