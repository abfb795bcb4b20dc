//! `orientation-not-locked`: CSS does not rotate content by a quarter turn in one orientation
//! only, which would lock the page to the other orientation (ACT b33eff, WCAG 1.3.4).
//!
//! When a page's media queries ask for `orientation`, we compute the styles a second time with
//! the orientation flipped (everything else unchanged) and compare each element's rotation
//! about the Z axis (`transform` functions that rotate, and the `rotate` property). Only
//! stylesheets and `@media` rules are seen: rotations set by script are not.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;
use crate::style::{ComputedStyle, Styles};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "orientation-not-locked",
    title: "Orientation is not locked with CSS transforms",
    wcag: &["1.3.4"],
    act: &["b33eff"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "People who mount their device in a fixed orientation (on a wheelchair, for instance) can't use a page that rotates its content by a quarter turn in one orientation.",
    fix: "Remove the rotate()/matrix() transform (or rotate property) from the @media (orientation: …) block and let the layout adapt to both orientations.",
    examples: Examples {
        pass: &["<style>@media (orientation: portrait) { html { transform: rotateZ(1turn); } }</style><main>Page</main>"],
        fail: &[
            "<style>@media (orientation: portrait) { html { transform: rotate(1.5708rad); } }</style>Page",
            "<style>@media (orientation: landscape) { body { rotate: 90deg; } }</style>Page",
        ],
        inapplicable: &[
            "<style>body { transform: rotate(90deg); }</style><main>Page</main>",
            "<style>@media (orientation: portrait) { body { transform: translateX(100px); } }</style><main>Page</main>",
        ],
    },
};

/// The total Z rotation of a style, when it has one.
fn rotation(style: &ComputedStyle) -> Option<f32> {
    match (style.transform_rotation, style.rotate) {
        (None, None) => None,
        (t, r) => Some(t.unwrap_or(0.0) + r.unwrap_or(0.0)),
    }
}

/// The other orientation's styles, when the page's media queries ask for orientation.
fn other_orientation(cx: &Context) -> Option<Styles> {
    cx.styles.orientation_queried.then(|| crate::style::compute_other_orientation(cx.snap, cx.options))
}

/// The rotation difference between the two orientations, in [0, 360).
fn relative_rotation(here: &ComputedStyle, there: &ComputedStyle) -> Option<f32> {
    if here.transform_rotation == there.transform_rotation && here.rotate == there.rotate {
        return None;
    }
    Some((rotation(here).unwrap_or(0.0) - rotation(there).unwrap_or(0.0)).rem_euclid(360.0))
}

enum Reason {
    NotQuarterTurn(f32),
    Locked(f32),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::NotQuarterTurn(d) => Evaluation::passed(format!(
                "The rotation differs by {d:.1}° between orientations, not a quarter turn."
            )),
            Reason::Locked(d) => Evaluation::failed(format!(
                "This element is rotated by {d:.0}° in one orientation only: its content stays in the other orientation when the device turns."
            )),
        }
    }
}

/// The rule.
pub struct OrientationNotLocked;

impl Rule for OrientationNotLocked {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let Some(other) = other_orientation(cx) else { return Vec::new() };
        common::elements(cx)
            .filter(|(id, el)| {
                common::is_html(el)
                    && cx.tree.is_visible(*id)
                    && relative_rotation(cx.tree.style(*id), other.get(*id)).is_some()
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let delta = other_orientation(cx)
            .and_then(|other| relative_rotation(cx.tree.style(target), other.get(target)))
            .unwrap_or(0.0);
        // A quarter turn either way, within a degree.
        let quarter = (delta - 90.0).abs() < 1.0 || (delta - 270.0).abs() < 1.0;
        let reason = if quarter { Reason::Locked(delta) } else { Reason::NotQuarterTurn(delta) };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn transforms() {
        let first = |css: &str| {
            outcomes("orientation-not-locked", &format!("<style>{css}</style><main>Page</main>")).first().map(|o| o.0)
        };
        assert_eq!(
            first("@media (orientation: landscape) { body { transform: matrix3d(0,-1,0,0,1,0,0,0,0,0,1,0,0,0,0,1); } }"),
            Some(Outcome::Failed)
        );
        assert_eq!(
            first("body { transform: rotate(2.5deg); } @media (orientation: landscape) { body { transform: rotate(92.5deg); } }"),
            Some(Outcome::Failed)
        );
        assert_eq!(first("@media (orientation: portrait) { html { transform: matrix(1, -1.22465e-15, 1.22465e-15, 1, 0, 0); } }"), Some(Outcome::Passed));
        assert_eq!(first("@media (orientation: portrait) { html { rotate: 0turn; } }"), Some(Outcome::Passed));
        assert_eq!(first("@media (orientation: landscape) { body { transform: rotateZ(0, 0, 1, 270deg); } }"), None);
        assert_eq!(first("@media (min-width: 30em) { body { transform: rotate(90deg); } }"), None);
    }
}
