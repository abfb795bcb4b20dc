//! The README's test command is what CI runs: `.ci/run` must end with the same line.

#[test]
fn ci_runs_the_readme_test_command() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let ci = std::fs::read_to_string(root.join(".ci/run")).expect(".ci/run");
    let section = readme.split("Run every test").nth(1).expect("README has a 'Run every test' section");
    let command = section
        .split("```sh")
        .nth(1)
        .and_then(|block| block.lines().map(str::trim).find(|l| !l.is_empty()))
        .expect("a command block after 'Run every test'");
    let last = ci.lines().map(str::trim).rfind(|l| !l.is_empty()).expect(".ci/run has lines");
    assert_eq!(last, command, ".ci/run must end with the README's test command");
}

/// The README's rule table, generated from rule metadata.
fn rules_table() -> String {
    let mut out = String::from(
        "| rule | WCAG | ACT | impact | tags | needs a renderer for some verdicts |\n|---|---|---|---|---|---|\n",
    );
    for r in curbcut::rule_infos() {
        out.push_str(&format!(
            "| [`{id}`](docs/rules/{id}.md) — {} | {} | {} | {} | {} | {} |\n",
            r.title,
            if r.wcag.is_empty() { "—".to_string() } else { r.wcag.join(", ") },
            if r.act.is_empty() { "—".to_string() } else { r.act.join(", ") },
            serde_json::to_value(r.impact).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            r.tags.join(", "),
            if r.needs_renderer { "yes" } else { "no" },
            id = r.id,
        ));
    }
    out
}

#[test]
fn readme_rule_table_is_generated_from_metadata() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let a = readme.find(start).expect("README has <!-- rules:start -->") + start.len();
    let b = readme.find(end).expect("README has <!-- rules:end -->");
    let expected = rules_table();
    if readme[a..b] != expected {
        if std::env::var_os("CURBCUT_BLESS").is_some() {
            let updated = format!("{}{}{}", &readme[..a], expected, &readme[b..]);
            std::fs::write(&path, updated).expect("write README.md");
        } else {
            panic!("README rule table is stale: run `CURBCUT_BLESS=1 cargo test --test readme`\n{expected}");
        }
    }
}
