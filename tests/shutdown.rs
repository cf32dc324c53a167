//! Stopping: `docker stop` and systemd send SIGTERM. The server then stops
//! taking connections, ends its live-stock streams, finishes what is in
//! flight and exits cleanly instead of being killed mid-request.

mod common;

use std::{process::Command, time::Duration};

#[tokio::test]
async fn sigterm_ends_open_streams_and_the_server_exits_cleanly() {
    let database_url = common::fresh_database().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_haat"))
        .env("DATABASE_URL", &database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("MAIL_DIR", std::env::temp_dir().join("haat-shutdown-mail"))
        .spawn()
        .expect("start the server");
    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut healthy = false;
    for _ in 0..100 {
        if client
            .get(format!("{url}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(healthy, "the server did not start");
    // An open live-stock stream, as every product page keeps.
    let stream = client
        .get(format!("{url}/events/stock"))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);

    let pid = server.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let body = tokio::time::timeout(Duration::from_secs(10), stream.bytes())
        .await
        .expect("the stream ended");
    assert!(body.is_ok(), "the stream ended cleanly");
    let mut exited = None;
    for _ in 0..100 {
        if let Some(status) = server.try_wait().unwrap() {
            exited = Some(status);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let Some(status) = exited else {
        let _ = server.kill();
        panic!("the server did not stop within 10 s of SIGTERM");
    };
    assert!(status.success(), "exited with {status}");
}
