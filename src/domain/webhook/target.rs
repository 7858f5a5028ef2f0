//! Where a webhook may send: https (http only if configured), and never to the service's own
//! network (loopback, private, link-local, metadata and other non-public addresses) unless
//! the configuration names the host. The address is checked after DNS resolution, when the
//! endpoint is saved and again on every attempt, by the resolver the sender connects with, so
//! a name that later resolves elsewhere (DNS rebinding) is refused too.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::model::error::{FieldCode, FieldError};

/// How long a name may take to resolve.
const LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// The longest URL an endpoint may have.
pub const MAX_URL_LEN: usize = 2048;

/// What the configuration allows (`RAPPORT_WEBHOOK_ALLOW_HTTP`, `RAPPORT_WEBHOOK_ALLOWED_HOSTS`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    pub allow_http: bool,
    /// Host names or addresses, lower-case, that may be targeted although not public.
    pub allowed_hosts: Vec<String>,
}

impl Policy {
    /// Reads the comma-separated allow-list: host names or IP addresses (IPv6 without brackets).
    pub fn new(allow_http: bool, allowed_hosts: &str) -> Result<Self, String> {
        let mut hosts = Vec::new();
        for host in allowed_hosts
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            let host = host.trim_start_matches('[').trim_end_matches(']');
            if host.contains(['/', ':', ' ', '@']) && host.parse::<IpAddr>().is_err() {
                return Err(format!(
                    "{host:?} is not a host name or an address (no scheme, port or path)"
                ));
            }
            hosts.push(host.to_ascii_lowercase());
        }
        Ok(Self {
            allow_http,
            allowed_hosts: hosts,
        })
    }

    fn allows_host(&self, host: &str) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        self.allowed_hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(host))
    }

    /// The URL, if its form is acceptable: checked without the network.
    pub fn parse(&self, url: &str) -> Result<Url, FieldError> {
        let bad = |msg: &str| FieldError::new("url", FieldCode::InvalidFormat, msg);
        if url.len() > MAX_URL_LEN {
            return Err(FieldError::new(
                "url",
                FieldCode::TooLong,
                format!("must be at most {MAX_URL_LEN} characters"),
            ));
        }
        let parsed = Url::parse(url).map_err(|_| bad("must be an absolute https URL"))?;
        match parsed.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            "http" => {
                return Err(FieldError::new(
                    "url",
                    FieldCode::NotAllowed,
                    "must use https (plain http is allowed only by RAPPORT_WEBHOOK_ALLOW_HTTP)",
                ));
            }
            _ => return Err(bad("must be an absolute https URL")),
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(bad(
                "must not carry credentials; receivers verify the signature instead",
            ));
        }
        if parsed.fragment().is_some() {
            return Err(bad("must not have a fragment"));
        }
        let Some(host) = parsed.host_str() else {
            return Err(bad("must name a host"));
        };
        if !self.allows_host(host)
            && let Ok(ip) = host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
            && let Some(why) = non_public(ip)
        {
            return Err(refused(why));
        }
        Ok(parsed)
    }

    /// The URL, if it is acceptable and its host resolves only to addresses it may reach.
    pub async fn check(&self, url: &str) -> Result<Url, FieldError> {
        let parsed = self.parse(url)?;
        let host = parsed.host_str().unwrap_or_default().to_string();
        if self.allows_host(&host) || host.starts_with('[') || host.parse::<IpAddr>().is_ok() {
            return Ok(parsed);
        }
        match resolve(self, &host).await {
            Ok(_) => Ok(parsed),
            Err(Refusal::Address(why)) => Err(refused(why)),
            Err(Refusal::Lookup(_)) => Err(FieldError::new(
                "url",
                FieldCode::NotFound,
                format!("the host {host:?} does not resolve"),
            )),
        }
    }

    /// The resolver a sender connects with, which applies this policy on every connection.
    pub fn resolver(self: &Arc<Self>) -> Arc<Resolver> {
        Arc::new(Resolver(self.clone()))
    }
}

fn refused(why: &str) -> FieldError {
    FieldError::new(
        "url",
        FieldCode::NotAllowed,
        format!(
            "must not target {why} addresses (unless RAPPORT_WEBHOOK_ALLOWED_HOSTS lists the host)"
        ),
    )
}

#[derive(Debug)]
enum Refusal {
    Address(&'static str),
    Lookup(std::io::Error),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Address(why) => write!(f, "the host resolves to a {why} address"),
            Refusal::Lookup(err) => write!(f, "the host does not resolve: {err}"),
        }
    }
}

impl std::error::Error for Refusal {}

async fn resolve(policy: &Policy, host: &str) -> Result<Vec<SocketAddr>, Refusal> {
    let addrs: Vec<SocketAddr> =
        tokio::time::timeout(LOOKUP_TIMEOUT, tokio::net::lookup_host((host, 0)))
            .await
            .map_err(|_| Refusal::Lookup(std::io::Error::other("no answer from DNS within 3 s")))?
            .map_err(Refusal::Lookup)?
            .collect();
    if addrs.is_empty() {
        return Err(Refusal::Lookup(std::io::Error::other("no address")));
    }
    if !policy.allows_host(host) {
        // One forbidden address refuses the host: which one a connection picks is not ours.
        if let Some(why) = addrs.iter().find_map(|a| non_public(a.ip())) {
            return Err(Refusal::Address(why));
        }
    }
    Ok(addrs)
}

/// reqwest's resolver for webhook senders: the policy, applied to every host it connects to.
pub struct Resolver(Arc<Policy>);

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.0.clone();
        Box::pin(async move {
            let addrs = resolve(&policy, name.as_str()).await?;
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// Why an address is not a public one, if it is not.
pub fn non_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return non_public_v4(v4);
            }
            let s = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if s[0] & 0xfe00 == 0xfc00 {
                Some("private")
            } else if s[0] & 0xffc0 == 0xfe80 {
                Some("link-local")
            } else if v6.is_multicast() {
                Some("multicast")
            } else if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                // NAT64: the IPv4 address it stands for decides.
                non_public_v4(Ipv4Addr::new(
                    (s[6] >> 8) as u8,
                    s[6] as u8,
                    (s[7] >> 8) as u8,
                    s[7] as u8,
                ))
            } else if s[0] == 0x2001 && s[1] == 0xdb8 {
                Some("documentation")
            } else {
                None
            }
        }
    }
}

fn non_public_v4(v4: Ipv4Addr) -> Option<&'static str> {
    let o = v4.octets();
    if v4 == Ipv4Addr::new(169, 254, 169, 254) {
        Some("metadata")
    } else if v4.is_loopback() {
        Some("loopback")
    } else if v4.is_private() {
        Some("private")
    } else if v4.is_link_local() {
        Some("link-local")
    } else if o[0] == 0 {
        Some("unspecified")
    } else if o[0] == 100 && (o[1] & 0xc0) == 64 {
        // Carrier-grade NAT (100.64.0.0/10): not reachable from the internet either.
        Some("private")
    } else if v4.is_multicast()
        || v4.is_broadcast()
        || o[0] >= 240
        || (o[0] == 192 && o[1] == 0 && o[2] == 0)
        || (o[0] == 198 && (o[1] & 0xfe) == 18)
    {
        // Multicast, broadcast, future use, protocol assignments and benchmarking.
        Some("reserved")
    } else {
        None
    }
}

/// Every address the resolver may hand a connection is public: a check for literal
/// addresses, which reqwest connects to without resolving.
pub fn literal_refused(policy: &Policy, url: &Url) -> Option<&'static str> {
    let host = url.host_str()?;
    if policy.allows_host(host) {
        return None;
    }
    let ip = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .ok()?;
    non_public(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy::new(false, "").unwrap()
    }

    #[test]
    fn non_public_addresses_are_named() {
        for (ip, why) in [
            ("127.0.0.1", "loopback"),
            ("10.1.2.3", "private"),
            ("172.16.0.1", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "metadata"),
            ("169.254.1.1", "link-local"),
            ("0.0.0.0", "unspecified"),
            ("100.64.0.1", "private"),
            ("::1", "loopback"),
            ("fd00:ec2::254", "private"),
            ("fe80::1", "link-local"),
            ("::ffff:127.0.0.1", "loopback"),
            ("64:ff9b::a00:1", "private"),
        ] {
            assert_eq!(non_public(ip.parse().unwrap()), Some(why), "{ip}");
        }
        for ip in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            assert_eq!(non_public(ip.parse().unwrap()), None, "{ip}");
        }
    }

    #[test]
    fn urls_must_be_https_public_and_plain() {
        let p = policy();
        assert!(p.parse("https://hooks.example.com/rapport").is_ok());
        for (url, code) in [
            ("http://hooks.example.com/", FieldCode::NotAllowed),
            ("ftp://hooks.example.com/", FieldCode::InvalidFormat),
            ("hooks.example.com", FieldCode::InvalidFormat),
            (
                "https://user:pw@hooks.example.com/",
                FieldCode::InvalidFormat,
            ),
            ("https://127.0.0.1/", FieldCode::NotAllowed),
            ("https://[::1]:8443/", FieldCode::NotAllowed),
            ("https://169.254.169.254/latest", FieldCode::NotAllowed),
        ] {
            assert_eq!(p.parse(url).unwrap_err().code, code, "{url}");
        }
        let open = Policy::new(true, "127.0.0.1, LocalHost").unwrap();
        assert!(open.parse("http://127.0.0.1:9000/hook").is_ok());
        assert!(open.parse("http://localhost:9000/hook").is_ok());
        assert!(open.parse("http://10.0.0.1/").is_err());
        assert!(Policy::new(false, "http://x").is_err());
    }

    #[tokio::test]
    async fn the_sender_resolves_names_only_to_addresses_it_may_reach() {
        use reqwest::dns::Resolve;
        use std::str::FromStr;
        let name = || reqwest::dns::Name::from_str("localhost").unwrap();
        let strict = Arc::new(policy()).resolver();
        let refused = strict.resolve(name()).await.err().unwrap().to_string();
        assert!(refused.contains("loopback"), "{refused}");
        let listed = Arc::new(Policy::new(true, "localhost").unwrap()).resolver();
        let addrs: Vec<SocketAddr> = listed.resolve(name()).await.unwrap().collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()) && !addrs.is_empty());
    }
}
