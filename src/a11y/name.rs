//! Accessible name and description (accname 1.2). Placeholder: replaced by the name branch.

use super::{NameSource, Tree};
use crate::dom::NodeId;

/// Accessible name of `id` and where it came from (replaced by the name branch).
pub(crate) fn compute_name(_tree: &Tree, _id: NodeId) -> (String, NameSource) {
    (String::new(), NameSource::None)
}

/// Accessible description of `id` (replaced by the name branch).
pub(crate) fn compute_description(_tree: &Tree, _id: NodeId) -> String {
    String::new()
}
