//! The Haat server: `haat` serves the site; `haat demo-data` loads the demo
//! accounts (idempotent); `haat migrate` applies migrations only.

use haat::server::{config::Config, demo, startup, telemetry};
use leptos::config::get_configuration;

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
        Some("demo-data") => {
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
            return Err(format!("unknown command {other:?} (try: migrate, demo-data)").into())
        }
        None => {}
    }

    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.site_addr = config.listen_addr;
    let listener = tokio::net::TcpListener::bind(config.listen_addr).await?;
    let state = startup::state(config, pool, leptos_options);
    startup::spawn_background_tasks(&state);
    tracing::info!("listening on http://{}", listener.local_addr()?);
    startup::serve(listener, startup::router(state)).await?;
    Ok(())
}
