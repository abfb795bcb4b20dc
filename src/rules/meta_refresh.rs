//! `meta-refresh`: the page does not refresh or redirect after a delay with
//! `<meta http-equiv="refresh">`, unless instantly or after more than 20 hours (ACT bc659a,
//! WCAG 2.2.1). Only the first `meta` whose `content` is a valid refresh is honoured by
//! browsers, so only that one is judged; the time is read with HTML's "shared declarative
//! refresh steps" (shared with `meta-refresh-no-exception`).

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "meta-refresh",
    title: "The page does not refresh or redirect after a delay",
    wcag: &["2.2.1", "2.2.4", "3.2.5"],
    act: &["bc659a"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A timed refresh or redirect moves people away before they have finished reading or filling in the page, and restarts screen readers at the top.",
    fix: "Remove the timed refresh; redirect on the server, use content=\"0; url=…\" for an instant redirect, or let people refresh themselves.",
    examples: Examples {
        pass: &[
            "<meta http-equiv=\"refresh\" content=\"0; URL='https://example.com'\">",
            "<meta http-equiv=\"refresh\" content=\"72001; https://example.com\">",
        ],
        fail: &[
            "<meta http-equiv=\"refresh\" content=\"30\">",
            "<meta http-equiv=\"refresh\" content=\"0: https://example.com\"><meta http-equiv=\"refresh\" content=\"5; https://example.com\">",
        ],
        inapplicable: &[
            "<meta http-equiv=\"refresh\" content=\"+5; https://example.com\">",
            "<meta content=\"30\">",
        ],
    },
};

/// The delay in seconds of a refresh `content` value, or `None` when the value is not a valid
/// refresh (HTML "shared declarative refresh steps", steps 1–11: what follows the time is the
/// URL, which doesn't change validity).
pub(crate) fn refresh_time(content: &str) -> Option<u64> {
    let s = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, rest) = s.split_at(digits_end);
    let time = if digits.is_empty() {
        if !rest.starts_with('.') {
            return None;
        }
        0
    } else {
        // Very long digit strings saturate rather than fail.
        digits.parse::<u64>().unwrap_or(u64::MAX)
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    match rest.chars().next() {
        None => Some(time),
        Some(c) if c == ';' || c == ',' || c.is_ascii_whitespace() => Some(time),
        Some(_) => None,
    }
}

/// The first `meta http-equiv=refresh` with a valid `content`: the one browsers honour.
pub(crate) fn honoured_refresh(cx: &Context) -> Option<(NodeId, u64)> {
    common::html_with_tag(cx, &local_name!("meta")).find_map(|(id, el)| {
        let refresh = el.attr(&local_name!("http-equiv")).is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"));
        if !refresh {
            return None;
        }
        el.attr(&local_name!("content")).and_then(refresh_time).map(|t| (id, t))
    })
}

/// 20 hours, the exception of WCAG 2.2.1.
const TWENTY_HOURS: u64 = 72_000;

enum Reason {
    Instant,
    Long(u64),
    Delayed(u64),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Instant => Evaluation::passed("The refresh happens immediately (a redirect without delay)."),
            Reason::Long(t) => Evaluation::passed(format!("The refresh happens after {t} seconds, more than 20 hours.")),
            Reason::Delayed(t) => Evaluation::failed(format!(
                "The page refreshes or redirects after {t} seconds: people who need more time lose their place, and can't turn it off."
            )),
        }
    }
}

/// The rule.
pub struct MetaRefresh;

impl Rule for MetaRefresh {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        honoured_refresh(cx).map(|(id, _)| id).into_iter().collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let time = cx
            .snap
            .element(target)
            .and_then(|el| el.attr(&local_name!("content")))
            .and_then(refresh_time)
            .unwrap_or(0);
        let reason = match time {
            0 => Reason::Instant,
            t if t > TWENTY_HOURS => Reason::Long(t),
            t => Reason::Delayed(t),
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::refresh_time;

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn refresh_steps() {
        assert_eq!(refresh_time("0; URL='https://github.com'"), Some(0));
        assert_eq!(refresh_time("  30"), Some(30));
        assert_eq!(refresh_time("5.9, https://w3.org"), Some(5));
        assert_eq!(refresh_time(".5"), Some(0));
        assert_eq!(refresh_time("72000 https://w3.org"), Some(72000));
        for invalid in ["0: https://w3.org", "-00.12 foo", "; 30", "", "+5; https://w3.org", "foo; URL='x'"] {
            assert_eq!(refresh_time(invalid), None, "{invalid}");
        }
    }

    #[test]
    fn twenty_hours_is_not_enough() {
        let out = super::super::testing::outcomes("meta-refresh", "<meta http-equiv=\"refresh\" content=\"72000; https://w3.org\">");
        assert_eq!(out.first().map(|o| o.0), Some(crate::Outcome::Failed));
    }
}
