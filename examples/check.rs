//! `cargo run --release --example check -- FILE [--all] [--tree]`: check one HTML file and print
//! the JSON report (`--all` includes passed outcomes) or, with `--tree`, the accessibility tree.
//! Stylesheets are resolved next to FILE.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    let tree = args.iter().any(|a| a == "--tree");
    let Some(file) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: check FILE [--all] [--tree]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let path = std::path::Path::new(file);
    let base = path.parent().map(|p| p.to_string_lossy().into_owned()).filter(|p| !p.is_empty());
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("svg") => Some(curbcut::DocumentKind::Svg),
        Some("xml") | Some("xhtml") => Some(curbcut::DocumentKind::Xml),
        _ => None,
    };
    let options = curbcut::Options {
        url: Some(file.clone()),
        base_dir: Some(base.unwrap_or_else(|| ".".into())),
        include_passed: all,
        document_kind: kind,
        ..Default::default()
    };
    let out = if tree {
        let text = String::from_utf8_lossy(&bytes);
        curbcut::accessibility_tree(&text, &options).map(|t| serde_json::to_string_pretty(&t).unwrap_or_default())
    } else {
        curbcut::check_bytes(&bytes, &options).map(|r| r.to_json())
    };
    match out {
        Ok(json) => {
            use std::io::Write;
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout().lock(), "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{file}: {e}");
            ExitCode::from(2)
        }
    }
}
