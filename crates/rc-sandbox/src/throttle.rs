//! RingCentral's user-level rate limits (basics/rate-limits.md): per (user, app) and
//! usage-plan group, a sliding window of `limit` requests; once exceeded, every
//! request of that group is refused for the penalty interval, and each request sent
//! during the penalty starts the interval again.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use tokio::time::Instant;

use super::{GroupLimit, SandboxConfig};
use rc_spec::ops::ThrottleGroup;

/// What the limiter decided, with the values for the `X-Rate-Limit-*` headers.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    pub allowed: bool,
    pub group: ThrottleGroup,
    pub limit: u32,
    pub remaining: u32,
    pub window: Duration,
    /// For refused requests: how long the penalty lasts from now.
    pub retry_after: Duration,
    /// Whether a limit applied (not with `--unthrottled`, nor for NoThrottling).
    pub limited: bool,
}

#[derive(Default)]
struct Window {
    sent: VecDeque<Instant>,
    penalty_until: Option<Instant>,
}

pub struct Throttle {
    enabled: bool,
    limits: HashMap<ThrottleGroup, GroupLimit>,
    windows: HashMap<(String, ThrottleGroup), Window>,
}

impl Throttle {
    pub fn new(config: &SandboxConfig) -> Self {
        Throttle {
            enabled: config.throttling,
            limits: config.limits.iter().copied().collect(),
            windows: HashMap::new(),
        }
    }

    pub fn limit(&self, group: ThrottleGroup) -> GroupLimit {
        self.limits.get(&group).copied().unwrap_or(GroupLimit {
            limit: u32::MAX,
            window: Duration::from_secs(60),
            penalty: Duration::ZERO,
        })
    }

    pub fn set_limit(&mut self, group: ThrottleGroup, limit: GroupLimit) {
        self.limits.insert(group, limit);
        self.windows.retain(|(_, g), _| *g != group);
    }

    pub fn set_enabled(&mut self, enabled: bool) {
        self.enabled = enabled;
        self.windows.clear();
    }

    /// Forgets all windows and penalties.
    pub fn reset(&mut self) {
        self.windows.clear();
    }

    /// Admits or refuses one request of `key` (user and app) in `group`.
    pub fn admit(&mut self, key: &str, group: ThrottleGroup, now: Instant) -> Decision {
        let limit = self.limit(group);
        if !self.enabled || group == ThrottleGroup::NoThrottling {
            return Decision {
                allowed: true,
                group,
                limit: limit.limit,
                remaining: limit.limit,
                window: limit.window,
                retry_after: Duration::ZERO,
                limited: false,
            };
        }
        let window = self.windows.entry((key.to_owned(), group)).or_default();
        while window
            .sent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= limit.window)
        {
            window.sent.pop_front();
        }
        let penalized = window.penalty_until.is_some_and(|until| until > now);
        if penalized || window.sent.len() >= limit.limit as usize {
            // The 429 trap: a request during the penalty restarts it.
            window.penalty_until = Some(now + limit.penalty);
            return Decision {
                allowed: false,
                group,
                limit: limit.limit,
                remaining: 0,
                window: limit.window,
                retry_after: limit.penalty,
                limited: true,
            };
        }
        window.penalty_until = None;
        window.sent.push_back(now);
        Decision {
            allowed: true,
            group,
            limit: limit.limit,
            remaining: limit.limit - window.sent.len() as u32,
            window: limit.window,
            retry_after: Duration::ZERO,
            limited: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle(limit: u32) -> Throttle {
        let mut t = Throttle::new(&SandboxConfig::default());
        t.set_limit(
            ThrottleGroup::Heavy,
            GroupLimit {
                limit,
                window: Duration::from_secs(60),
                penalty: Duration::from_secs(60),
            },
        );
        t
    }

    #[tokio::test(start_paused = true)]
    async fn allows_up_to_the_limit_then_refuses() {
        let mut t = throttle(3);
        let now = Instant::now();
        let remaining: Vec<u32> = (0..3)
            .map(|_| t.admit("u", ThrottleGroup::Heavy, now).remaining)
            .collect();
        assert_eq!(remaining, vec![2, 1, 0]);
        let refused = t.admit("u", ThrottleGroup::Heavy, now);
        assert!(!refused.allowed);
        assert_eq!(refused.retry_after, Duration::from_secs(60));
        // Other groups and users have their own buckets.
        assert!(t.admit("u", ThrottleGroup::Light, now).allowed);
        assert!(t.admit("other", ThrottleGroup::Heavy, now).allowed);
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_during_the_penalty_restarts_it() {
        let mut t = throttle(1);
        let start = Instant::now();
        assert!(t.admit("u", ThrottleGroup::Heavy, start).allowed);
        assert!(!t.admit("u", ThrottleGroup::Heavy, start).allowed);
        // 59 s later the window has not passed and the penalty restarts.
        let later = start + Duration::from_secs(59);
        assert!(!t.admit("u", ThrottleGroup::Heavy, later).allowed);
        // 60 s after the last refused request, the group opens again.
        assert!(
            !t.admit("u", ThrottleGroup::Heavy, later + Duration::from_secs(59))
                .allowed
        );
        let quiet = later + Duration::from_secs(59) + Duration::from_secs(60);
        assert!(t.admit("u", ThrottleGroup::Heavy, quiet).allowed);
    }

    #[tokio::test(start_paused = true)]
    async fn the_window_slides() {
        let mut t = throttle(2);
        let start = Instant::now();
        assert!(t.admit("u", ThrottleGroup::Heavy, start).allowed);
        assert!(
            t.admit("u", ThrottleGroup::Heavy, start + Duration::from_secs(30))
                .allowed
        );
        // At 60 s the first request leaves the window.
        assert!(
            t.admit("u", ThrottleGroup::Heavy, start + Duration::from_secs(60))
                .allowed
        );
    }
}
