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
    let last = ci.lines().map(str::trim).filter(|l| !l.is_empty()).last().expect(".ci/run has lines");
    assert_eq!(last, command, ".ci/run must end with the README's test command");
}
