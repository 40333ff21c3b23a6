//! Bad input never panics and never stops a batch: the built `zonekg` binary is run on
//! broken files mixed with a good report, and must name each failure on stderr, still
//! write the good report, and exit with status 1.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use zonekg::Report;

const GOOD: &str = "01_lanxi_hitech_2023_work_conference.txt";

fn zonekg(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zonekg"))
        .args(args)
        .output()
        .expect("zonekg runs")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// A page with nothing but scripts and styles; the Chinese inside them must not
/// become facts.
const SCRIPTS_ONLY: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<script>var notice = "2024年，园区实现规上工业总产值88.8亿元，同比增长9.9%。";</script>
<style>body { font-family: "宋体"; }</style></head>
<body><script src="/js/app.js"></script>
<script>document.write("党工委书记某某主持会议");</script></body></html>"#;

/// Writes the bad inputs into `dir`; returns (file name, must it fail?). Inputs that
/// are not plainly unreadable may instead give a report.
fn write_bad_inputs(dir: &Path, with_huge: bool) -> Vec<(&'static str, bool)> {
    let mut bad = vec![
        ("empty.txt", true),
        ("picture.png", true),
        ("paper.pdf", true),
    ];
    std::fs::write(dir.join("empty.txt"), b"").unwrap();

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(dir.join("picture.png"), png).unwrap();

    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n".to_vec();
    pdf.extend((0..4096u32).map(|i| (i.wrapping_mul(40_503) >> 3) as u8));
    std::fs::write(dir.join("paper.pdf"), pdf).unwrap();

    // Chinese UTF-8 with truncated sequences and stray continuation bytes.
    let mut broken = "9月3日，某园区召开推进会。".as_bytes().to_vec();
    broken.extend_from_slice(b"\xe5\x9b\x0a\x80\x80\xc3\x28\xf0\x9f\x98");
    broken.extend_from_slice("园区实现产值12亿元。\n".as_bytes());
    broken.extend_from_slice(b"\xe2\x82");
    std::fs::write(dir.join("invalid_utf8.txt"), broken).unwrap();
    bad.push(("invalid_utf8.txt", false));

    std::fs::write(dir.join("scripts_only.html"), SCRIPTS_ONLY).unwrap();
    bad.push(("scripts_only.html", false));

    if with_huge {
        // 20 MB with no line end: pages stripped of markup often arrive as one line.
        let sentence = "园区上下持续优化营商环境，推动高质量发展取得新成效。";
        let mut huge = String::with_capacity(20 * 1024 * 1024 + 100);
        while huge.len() < 20 * 1024 * 1024 {
            huge.push_str(sentence);
        }
        std::fs::write(dir.join("huge_line.txt"), huge).unwrap();
        bad.push(("huge_line.txt", false));
    }
    bad
}

/// The failure lines naming `file`; notices of what was cut (`FILE: cut: …`) are no
/// failures.
fn stderr_lines_naming<'a>(stderr: &'a str, file: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.contains(file) && !l.contains(": cut: "))
        .collect()
}

/// The lines saying what was cut from `file`.
fn cut_lines<'a>(stderr: &'a str, file: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.contains(file) && l.contains(": cut: "))
        .collect()
}

/// The reason after the file name on a failure line.
fn reason<'a>(line: &'a str, file: &str) -> &'a str {
    let after = &line[line.find(file).unwrap() + file.len()..];
    after.trim_start_matches(':').trim()
}

fn facts(r: &Report) -> usize {
    r.officials.len() + r.meetings.len() + r.goals.len() + r.achievements.len() + r.tasks.len()
}

fn stem(file: &str) -> &str {
    Path::new(file).file_stem().unwrap().to_str().unwrap()
}

#[test]
fn bad_inputs_are_named_and_the_good_one_is_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_bad_inputs(dir.path(), true);
    let good = dir.path().join(GOOD);
    std::fs::copy(examples().join(GOOD), &good).unwrap();
    let out = dir.path().join("out");

    let mut args: Vec<std::ffi::OsString> = vec!["extract".into()];
    args.extend(bad.iter().map(|(f, _)| dir.path().join(f).into_os_string()));
    args.push(good.clone().into_os_string());
    args.push("--out-dir".into());
    args.push(out.clone().into_os_string());
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let output = zonekg(&refs);
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(!stderr.contains("panicked"), "zonekg panicked:\n{stderr}");
    assert_eq!(output.status.code(), Some(1), "stderr:\n{stderr}");

    for (file, must_fail) in &bad {
        let lines = stderr_lines_naming(&stderr, file);
        let written = out.join(format!("{}.json", stem(file)));
        match lines.as_slice() {
            [line] => {
                assert!(!reason(line, file).is_empty(), "no reason given: {line}");
                assert!(!written.exists(), "{file} failed yet has output");
            }
            [] => {
                assert!(
                    !must_fail,
                    "{file} should be reported as unreadable:\n{stderr}"
                );
                let json = std::fs::read_to_string(&written)
                    .unwrap_or_else(|_| panic!("{file}: neither an error line nor a report"));
                let report: Report = serde_json::from_str(&json).unwrap();
                assert_eq!(report.source, *file);
                if *file == "scripts_only.html" {
                    assert_eq!(facts(&report), 0, "facts read from scripts: {json}");
                }
                if *file == "huge_line.txt" {
                    // over the default --max-report-bytes (16 MiB), on one line: cut at
                    // the limit, and said so
                    let cuts = cut_lines(&stderr, file);
                    assert!(
                        cuts.iter().any(|l| l.contains("--max-report-bytes")),
                        "{stderr}"
                    );
                }
            }
            many => panic!("{file} named on {} stderr lines: {many:?}", many.len()),
        }
    }

    let json = std::fs::read_to_string(out.join(format!("{}.json", stem(GOOD))))
        .expect("the good report is written despite the bad ones");
    let report: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(report.source, GOOD);
    assert!(stderr_lines_naming(&stderr, GOOD).is_empty(), "{stderr}");
}

#[test]
fn jsonl_prints_one_line_per_readable_input() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_bad_inputs(dir.path(), false);
    let goods = [GOOD, "04_lanyu_newarea_meeting.html"];
    let mut args: Vec<std::ffi::OsString> =
        vec!["extract".into(), "--format".into(), "jsonl".into()];
    args.extend(bad.iter().map(|(f, _)| dir.path().join(f).into_os_string()));
    args.extend(goods.iter().map(|g| examples().join(g).into_os_string()));
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let output = zonekg(&refs);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");

    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "stderr:\n{stderr}");
    let failed = bad
        .iter()
        .filter(|(f, _)| !stderr_lines_naming(&stderr, f).is_empty())
        .count();
    let reports: Vec<Report> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is one Report JSON"))
        .collect();
    assert_eq!(
        reports.len(),
        bad.len() + goods.len() - failed,
        "stdout:\n{stdout}"
    );
    for g in goods {
        assert_eq!(reports.iter().filter(|r| r.source == g).count(), 1, "{g}");
    }
}

#[test]
fn a_missing_path_is_named_and_the_rest_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no_such_report.txt");
    let good = examples().join(GOOD);
    let output = zonekg(&["extract".as_ref(), missing.as_os_str(), good.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{stderr}");
    let lines = stderr_lines_naming(&stderr, "no_such_report.txt");
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(!reason(lines[0], "no_such_report.txt").is_empty());
    let reports: Vec<Report> = serde_json::from_slice(&output.stdout).expect("a JSON array");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].source, GOOD);
}

#[test]
fn every_example_reads_without_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = zonekg(&[
        "extract".as_ref(),
        examples().as_os_str(),
        "--out-dir".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr:\n{stderr}");
    let inputs = std::fs::read_dir(examples())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.ends_with(".txt") || name.ends_with(".html")
        })
        .count();
    assert!(inputs >= 8);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), inputs);
}

#[test]
fn a_template_with_placeholders_yields_no_goal_or_achievement() {
    let name = "07_template_placeholders.txt";
    let bytes = std::fs::read(examples().join(name)).unwrap();
    let report = zonekg::process(&bytes, name).unwrap();
    assert!(report.goals.is_empty(), "{:?}", report.goals);
    assert!(report.achievements.is_empty(), "{:?}", report.achievements);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    // `zonekg extract … | head -c 100`: the pipe closes while zonekg still writes.
    // The examples twenty times over: far more output than a pipe buffers.
    let mut child = Command::new(env!("CARGO_BIN_EXE_zonekg"))
        .arg("extract")
        .args(std::iter::repeat_n(examples(), 20))
        .args(["--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zonekg starts");
    let mut first = [0u8; 100];
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_exact(&mut first)
        .expect("some output");
    // the stdout handle was dropped above: the pipe is closed
    let out = child.wait_with_output().expect("zonekg ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("internal error") && !stderr.contains("panick"),
        "a closed pipe was reported as a failure: {stderr}"
    );
    assert!(
        out.status.success(),
        "exit status {:?}: {stderr}",
        out.status
    );
}
