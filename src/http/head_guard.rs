//! The request head's own limits, answered as problem documents. actix-web refuses a request
//! line or header block larger than its buffers by itself, before any middleware runs, with
//! an empty 400 or 431; this guard reads (without consuming) the first request head of each
//! connection and answers a request line over `MAX_REQUEST_LINE` with 414 and a head over
//! `MAX_HEAD` with 431, as problem+json, before the connection reaches actix-web. Later
//! requests on a kept-alive connection meet actix-web's own limits, which are larger.

use std::time::Duration;

use actix_web::rt::net::TcpStream;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::{Instant, sleep, timeout, timeout_at};

use crate::http::error::{ApiError, PROBLEM_JSON};

/// The longest request line (method, target, version) taken: 16 KiB.
pub const MAX_REQUEST_LINE: usize = 16 * 1024;
/// The largest request head (request line and headers) taken: 64 KiB.
pub const MAX_HEAD: usize = 64 * 1024;
/// How long a client may take to send its first request head before actix-web's own
/// timeout handles it.
const HEAD_WAIT: Duration = Duration::from_secs(5);
/// After a refusal, how long what the client is still sending is read and dropped, so the
/// answer is not lost to a connection reset.
const DRAIN: Duration = Duration::from_secs(1);
const DRAIN_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Fine,
    Incomplete,
    Refused(Refusal),
}

#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    LineTooLong,
    HeadTooLarge,
}

/// What the bytes seen so far of a connection's first request tell.
fn verdict(seen: &[u8]) -> Verdict {
    let Some(line_end) = seen.iter().position(|&b| b == b'\n') else {
        return if seen.len() > MAX_REQUEST_LINE {
            Verdict::Refused(Refusal::LineTooLong)
        } else {
            Verdict::Incomplete
        };
    };
    if line_end > MAX_REQUEST_LINE {
        return Verdict::Refused(Refusal::LineTooLong);
    }
    let end = seen
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| seen.windows(2).position(|w| w == b"\n\n"));
    match end {
        Some(end) if end <= MAX_HEAD => Verdict::Fine,
        Some(_) => Verdict::Refused(Refusal::HeadTooLarge),
        None if seen.len() > MAX_HEAD => Verdict::Refused(Refusal::HeadTooLarge),
        None => Verdict::Incomplete,
    }
}

/// The connection, when its first request head is within the limits (or cannot be judged);
/// `None` when it was refused and answered here.
pub async fn admit(mut io: TcpStream) -> Option<TcpStream> {
    let mut buf = vec![0u8; MAX_HEAD + 1];
    let deadline = Instant::now() + HEAD_WAIT;
    let mut seen = 0;
    loop {
        let n = match timeout_at(deadline, io.peek(&mut buf)).await {
            Ok(Ok(n)) => n,
            // Slow, closed or failing connections are actix-web's to handle.
            Ok(Err(_)) | Err(_) => return Some(io),
        };
        if n == 0 {
            return Some(io);
        }
        match verdict(&buf[..n]) {
            Verdict::Fine => return Some(io),
            Verdict::Refused(refusal) => {
                drop(buf);
                refuse(&mut io, refusal).await;
                return None;
            }
            Verdict::Incomplete if n == buf.len() => return Some(io),
            Verdict::Incomplete => {
                // Peeking returns at once while anything is buffered; wait for more bytes.
                if n == seen {
                    sleep(Duration::from_millis(2)).await;
                }
                seen = n;
            }
        }
    }
}

async fn refuse(io: &mut TcpStream, refusal: Refusal) {
    let (error, reason) = match refusal {
        Refusal::LineTooLong => (
            ApiError::UriTooLong(format!(
                "the request line exceeds {MAX_REQUEST_LINE} bytes; send long filters in a body or split them"
            )),
            "414 URI Too Long",
        ),
        Refusal::HeadTooLarge => (
            ApiError::HeadersTooLarge(format!("the request headers exceed {MAX_HEAD} bytes")),
            "431 Request Header Fields Too Large",
        ),
    };
    let body = serde_json::to_string(&error.problem()).unwrap_or_default();
    let response = format!(
        "HTTP/1.1 {reason}\r\ncontent-type: {PROBLEM_JSON}\r\ncache-control: no-store\r\nx-request-id: {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        uuid::Uuid::now_v7(),
        body.len(),
    );
    metrics::counter!("http_malformed_requests_total").increment(1);
    if io.write_all(response.as_bytes()).await.is_err() {
        return;
    }
    let _ = io.shutdown().await;
    // Read what is still coming, so that closing does not reset the connection before the
    // client has read the answer.
    let mut sink = vec![0u8; 16 * 1024];
    let mut drained = 0;
    while drained < DRAIN_BYTES {
        match timeout(DRAIN, io.read(&mut sink)).await {
            Ok(Ok(n)) if n > 0 => drained += n,
            _ => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_judged_by_their_line_and_size() {
        assert_eq!(verdict(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), Verdict::Fine);
        assert_eq!(
            verdict(b"GET / HTTP/1.1\r\nHost: x\r\n"),
            Verdict::Incomplete
        );
        assert_eq!(verdict(b"GET /"), Verdict::Incomplete);
        let long_line = format!("GET /?q={} HTTP/1.1\r\n\r\n", "a".repeat(MAX_REQUEST_LINE));
        assert_eq!(
            verdict(long_line.as_bytes()),
            Verdict::Refused(Refusal::LineTooLong)
        );
        let unfinished = format!("GET /?q={}", "a".repeat(MAX_REQUEST_LINE));
        assert_eq!(
            verdict(unfinished.as_bytes()),
            Verdict::Refused(Refusal::LineTooLong)
        );
        let big = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "b".repeat(MAX_HEAD));
        assert_eq!(
            verdict(big.as_bytes()),
            Verdict::Refused(Refusal::HeadTooLarge)
        );
        let endless = format!("GET / HTTP/1.1\r\nX-Big: {}", "b".repeat(MAX_HEAD));
        assert_eq!(
            verdict(endless.as_bytes()),
            Verdict::Refused(Refusal::HeadTooLarge)
        );
    }
}
