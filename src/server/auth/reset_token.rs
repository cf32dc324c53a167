//! Password-setting tokens: 32 random bytes in the emailed link, only their
//! SHA-256 in the database, so a database leak cannot set passwords.

use rand::RngCore;
use sha2::{Digest, Sha256};

pub fn new() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.trim().as_bytes()).to_vec()
}
