//! WCAG success criteria the rules map to: level and the WCAG version that introduced them,
//! from which the rule tags (`wcag2a`, `wcag21aa`, ...) are derived.

/// Conformance level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Level {
    /// A
    A,
    /// AA
    AA,
    /// AAA
    AAA,
}

/// (criterion, level, version introduced: 20, 21 or 22, short name)
pub(crate) const CRITERIA: &[(&str, Level, u8, &str)] = &[
    ("1.1.1", Level::A, 20, "Non-text Content"),
    ("1.2.1", Level::A, 20, "Audio-only and Video-only (Prerecorded)"),
    ("1.2.2", Level::A, 20, "Captions (Prerecorded)"),
    ("1.2.3", Level::A, 20, "Audio Description or Media Alternative (Prerecorded)"),
    ("1.2.5", Level::AA, 20, "Audio Description (Prerecorded)"),
    ("1.2.8", Level::AAA, 20, "Media Alternative (Prerecorded)"),
    ("1.3.1", Level::A, 20, "Info and Relationships"),
    ("1.3.3", Level::A, 20, "Sensory Characteristics"),
    ("1.3.4", Level::AA, 21, "Orientation"),
    ("1.3.5", Level::AA, 21, "Identify Input Purpose"),
    ("1.4.1", Level::A, 20, "Use of Color"),
    ("1.4.2", Level::A, 20, "Audio Control"),
    ("1.4.3", Level::AA, 20, "Contrast (Minimum)"),
    ("1.4.4", Level::AA, 20, "Resize Text"),
    ("1.4.5", Level::AA, 20, "Images of Text"),
    ("1.4.6", Level::AAA, 20, "Contrast (Enhanced)"),
    ("1.4.9", Level::AAA, 20, "Images of Text (No Exception)"),
    ("1.4.10", Level::AA, 21, "Reflow"),
    ("1.4.12", Level::AA, 21, "Text Spacing"),
    ("2.1.1", Level::A, 20, "Keyboard"),
    ("2.1.2", Level::A, 20, "No Keyboard Trap"),
    ("2.1.3", Level::AAA, 20, "Keyboard (No Exception)"),
    ("2.1.4", Level::A, 21, "Character Key Shortcuts"),
    ("2.2.1", Level::A, 20, "Timing Adjustable"),
    ("2.2.2", Level::A, 20, "Pause, Stop, Hide"),
    ("2.2.4", Level::AAA, 20, "Interruptions"),
    ("2.4.1", Level::A, 20, "Bypass Blocks"),
    ("2.4.2", Level::A, 20, "Page Titled"),
    ("2.4.3", Level::A, 20, "Focus Order"),
    ("2.4.4", Level::A, 20, "Link Purpose (In Context)"),
    ("2.4.6", Level::AA, 20, "Headings and Labels"),
    ("2.4.7", Level::AA, 20, "Focus Visible"),
    ("2.4.9", Level::AAA, 20, "Link Purpose (Link Only)"),
    ("2.4.11", Level::AA, 22, "Focus Not Obscured (Minimum)"),
    ("2.5.3", Level::A, 21, "Label in Name"),
    ("2.5.4", Level::A, 21, "Motion Actuation"),
    ("2.5.8", Level::AA, 22, "Target Size (Minimum)"),
    ("3.1.1", Level::A, 20, "Language of Page"),
    ("3.1.2", Level::AA, 20, "Language of Parts"),
    ("3.2.5", Level::AAA, 20, "Change on Request"),
    ("3.3.1", Level::A, 20, "Error Identification"),
    ("3.3.2", Level::A, 20, "Labels or Instructions"),
    ("4.1.2", Level::A, 20, "Name, Role, Value"),
];

/// Level, version and name of a criterion.
pub(crate) fn criterion(id: &str) -> Option<(Level, u8, &'static str)> {
    CRITERIA.iter().find(|c| c.0 == id).map(|c| (c.1, c.2, c.3))
}

/// The tag for a criterion, e.g. `wcag2aa` for 1.4.3, `wcag21a` for 2.5.3.
pub(crate) fn tag_for(id: &str) -> Option<&'static str> {
    let (level, version, _) = criterion(id)?;
    Some(match (version, level) {
        (20, Level::A) => "wcag2a",
        (20, Level::AA) => "wcag2aa",
        (20, Level::AAA) => "wcag2aaa",
        (21, Level::A) => "wcag21a",
        (21, Level::AA) => "wcag21aa",
        (21, Level::AAA) => "wcag21aaa",
        (22, Level::A) => "wcag22a",
        (22, Level::AA) => "wcag22aa",
        _ => "wcag22aaa",
    })
}
