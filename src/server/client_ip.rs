//! The address of the client making the current request, for rate limits.

use crate::domain::AppError;
use axum::extract::ConnectInfo;
use std::net::{IpAddr, SocketAddr};

pub async fn client_ip() -> Result<IpAddr, AppError> {
    let ConnectInfo(addr): ConnectInfo<SocketAddr> = leptos_axum::extract()
        .await
        .map_err(|e| super::errors::internal("reading the client address", e))?;
    Ok(addr.ip())
}
