//! `cargo run --release --example bench -- MODE RUNS FILE...`: times the native engine over HTML
//! files for `bench/run.mjs` (benchmarks are not tests: nothing here asserts a time).
//!
//! MODE is `check` (curbcut's whole static check: parse, cascade, tree, rules, report),
//! `parse` (a bare html5ever parse into `markup5ever_rcdom`, the floor any checker pays) or
//! `pair` (a check then a parse in each run, so that the two are timed side by side: the
//! last line's `parse` gives the parse totals).
//! Each file is run once to warm up, then RUNS times; one JSON line per file gives the times in
//! milliseconds. With several files (the ACT corpus) a last line gives the per-run totals.

use std::process::ExitCode;
use std::time::Instant;

use html5ever::tendril::TendrilSink;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(runs)) = (args.first(), args.get(1).and_then(|r| r.parse::<usize>().ok())) else {
        eprintln!("usage: bench check|parse|pair RUNS FILE...");
        return ExitCode::from(2);
    };
    let files = args.get(2..).unwrap_or_default();
    let pages: Vec<(String, String)> = match files
        .iter()
        .map(|f| std::fs::read(f).map(|b| (f.clone(), String::from_utf8_lossy(&b).into_owned())))
        .collect()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let options = curbcut::Options::default();
    // `sink` keeps the optimiser from dropping work whose result is unused.
    let mut sink = 0usize;
    let mut one = |html: &str, parse: bool| -> f64 {
        let start = Instant::now();
        if parse {
            let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default()).one(html);
            sink += dom.document.children.borrow().len();
        } else {
            match curbcut::check_html(html, &options) {
                Ok(r) => sink += r.results.len(),
                Err(e) => eprintln!("error: {e}"),
            }
        }
        start.elapsed().as_secs_f64() * 1000.0
    };
    let (check, parse) = match mode.as_str() {
        "pair" => (true, true),
        "parse" => (false, true),
        _ => (true, false),
    };
    let mut totals = vec![0.0f64; runs];
    let mut parse_totals = vec![0.0f64; runs];
    for (name, html) in &pages {
        if check {
            one(html, false);
        }
        if parse {
            one(html, true);
        }
        let mut times = Vec::with_capacity(runs);
        for parse_total in parse_totals.iter_mut() {
            if check {
                times.push(one(html, false));
            }
            if parse {
                let t = one(html, true);
                *parse_total += t;
                if !check {
                    times.push(t);
                }
            }
        }
        for (t, x) in totals.iter_mut().zip(&times) {
            *t += x;
        }
        if pages.len() <= 8 {
            println!("{{\"file\":{:?},\"ms\":[{}]}}", name, ms_list(&times));
        }
    }
    let pair = if mode == "pair" { format!(",\"parse\":[{}]", ms_list(&parse_totals)) } else { String::new() };
    println!("{{\"total\":true,\"files\":{},\"ms\":[{}]{pair},\"sink\":{}}}", pages.len(), ms_list(&totals), sink);
    ExitCode::SUCCESS
}

fn ms_list(times: &[f64]) -> String {
    times.iter().map(|t| format!("{t:.3}")).collect::<Vec<_>>().join(",")
}
