//! `meta-refresh-no-exception`: the page does not refresh or redirect after any delay with
//! `<meta http-equiv="refresh">`, not even after 20 hours (ACT bisz58, WCAG 2.2.4 and 3.2.5,
//! AAA). Reads the same first honoured refresh as `meta-refresh`.

use super::meta_refresh::{honoured_refresh, refresh_time};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "meta-refresh-no-exception",
    title: "The page does not refresh or redirect after any delay",
    wcag: &["2.2.4", "3.2.5"],
    act: &["bisz58"],
    impact: Impact::Minor,
    best_practice: false,
    needs: Needs::Static,
    help: "A refresh or redirect that happens on its own, after any delay, interrupts people and changes the page without their asking.",
    fix: "Remove the timed refresh; redirect on the server or with content=\"0; url=…\", and let people refresh content themselves.",
    examples: Examples {
        pass: &["<meta http-equiv=\"refresh\" content=\"0; URL='https://example.com'\">"],
        fail: &[
            "<meta http-equiv=\"refresh\" content=\"30\">",
            "<meta http-equiv=\"refresh\" content=\"72001; https://example.com\">",
        ],
        inapplicable: &["<meta http-equiv=\"refresh\" content=\"foo; URL='https://example.com'\">"],
    },
};

enum Reason {
    Instant,
    Delayed(u64),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Instant => Evaluation::passed("The refresh happens immediately (a redirect without delay)."),
            Reason::Delayed(t) => Evaluation::failed(format!(
                "The page refreshes or redirects by itself after {t} seconds, interrupting people without their asking."
            )),
        }
    }
}

/// The rule.
pub struct MetaRefreshNoException;

impl Rule for MetaRefreshNoException {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        honoured_refresh(cx).map(|(id, _)| id).into_iter().collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let time = cx.snap.element(target).and_then(|el| el.attr(&local_name!("content"))).and_then(refresh_time).unwrap_or(0);
        let reason = if time == 0 { Reason::Instant } else { Reason::Delayed(time) };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
