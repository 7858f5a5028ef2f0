//! `rapport health`: asks a running server whether it is ready, so that a container's
//! HEALTHCHECK needs nothing but the binary (no curl in the image).

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

/// Sends `GET /health/ready` to the server listening on `bind` (as in `RAPPORT_BIND`; an
/// unspecified address such as `0.0.0.0` is reached over loopback) and expects a 200.
pub fn check(bind: &str, timeout: Duration) -> Result<(), String> {
    let address = reachable(bind)?;
    let mut stream = TcpStream::connect_timeout(&address, timeout)
        .map_err(|e| format!("cannot connect to {address}: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| e.to_string())?;
    let request = format!(
        "GET /health/ready HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nUser-Agent: rapport-health\r\n\r\n"
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("cannot send to {address}: {e}"))?;
    // The status line is all that matters; it comes first.
    let mut head = [0u8; 64];
    let mut read = 0;
    while read < 12 {
        match stream.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(format!("no answer from {address}: {e}")),
        }
    }
    let line = String::from_utf8_lossy(&head[..read]);
    match line.split_whitespace().nth(1) {
        Some("200") => Ok(()),
        Some(status) => Err(format!("{address} is not ready: HTTP {status}")),
        None => Err(format!("{address} did not answer HTTP")),
    }
}

fn reachable(bind: &str) -> Result<SocketAddr, String> {
    let mut address = bind
        .to_socket_addrs()
        .map_err(|e| format!("RAPPORT_BIND {bind:?}: {e}"))?
        .next()
        .ok_or_else(|| format!("RAPPORT_BIND {bind:?} names no address"))?;
    if address.ip().is_unspecified() {
        address.set_ip(match address.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
        });
    }
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unspecified_address_is_reached_over_loopback() {
        assert_eq!(
            reachable("0.0.0.0:8080").ok(),
            "127.0.0.1:8080".parse().ok()
        );
        assert_eq!(reachable("[::]:9000").ok(), "[::1]:9000".parse().ok());
        assert_eq!(reachable("10.1.2.3:80").ok(), "10.1.2.3:80".parse().ok());
        assert!(reachable("no port").is_err());
    }
}
