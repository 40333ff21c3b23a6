//! Where reports come from: files and directories named on the command line, and
//! `http(s)://` URLs ([`web`]).
//!
//! A directory is walked (recursively, in sorted order) for `.txt`, `.html` and `.htm`
//! files; a file named directly is taken whatever its extension, so that a user who
//! names a file gets an answer about it. A file saved by `zonekg fetch` carries its URL
//! and header charset in a sidecar ([`saved`]) and is read as that page.

pub mod saved;
pub mod web;

use saved::SavedPage;
use std::path::{Path, PathBuf};

/// Extensions picked up when walking a directory.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "html", "htm"];

/// One report input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// What the HTTP answer said, for a page saved by `zonekg fetch`.
    pub saved: Option<SavedPage>,
}

impl Input {
    /// A file input, with the sidecar of a saved page read if there is one.
    pub fn new(path: PathBuf) -> std::io::Result<Self> {
        let saved = saved::read_sidecar(&path)?;
        Ok(Input { path, saved })
    }

    /// The name facts are attributed to: the file name, or a saved page's URL.
    pub fn source_name(&self) -> String {
        if let Some(saved) = &self.saved {
            return saved.url.clone();
        }
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    /// The file stem, used to name per-input output files.
    pub fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".to_string())
    }

    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        std::fs::read(&self.path)
    }
}

/// Expands the paths a user named into inputs. Paths that do not exist are returned
/// as errors alongside, so the caller can report them and carry on.
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, Vec<(PathBuf, std::io::Error)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut inputs, &mut errors),
            Ok(_) => push_file(p.clone(), &mut inputs, &mut errors),
            Err(e) => errors.push((p.clone(), e)),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<(PathBuf, std::io::Error)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push((dir.to_path_buf(), e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, inputs, errors);
        } else if has_report_extension(&p) {
            push_file(p, inputs, errors);
        }
    }
}

fn push_file(path: PathBuf, inputs: &mut Vec<Input>, errors: &mut Vec<(PathBuf, std::io::Error)>) {
    match Input::new(path.clone()) {
        Ok(input) => inputs.push(input),
        Err(e) => errors.push((path, e)),
    }
}

/// Command-line arguments split into URLs to fetch and paths to read; an argument
/// naming another scheme (`ftp://…`) or a malformed URL is returned as an error.
pub fn split_urls(
    args: &[PathBuf],
) -> (
    Vec<reqwest::Url>,
    Vec<PathBuf>,
    Vec<(String, web::FetchError)>,
) {
    let (mut urls, mut paths, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for arg in args {
        match arg.to_str().and_then(web::parse_url) {
            Some(Ok(url)) => urls.push(url),
            Some(Err(e)) => errors.push((arg.display().to_string(), e)),
            None => paths.push(arg.clone()),
        }
    }
    (urls, paths, errors)
}

fn has_report_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_for_report_files_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.HTML"), "x").unwrap();
        std::fs::write(dir.path().join("c.png"), "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/d.htm"), "x").unwrap();
        let missing = dir.path().join("nope.txt");
        let (inputs, errors) = collect(&[dir.path().to_path_buf(), missing]);
        let names: Vec<String> = inputs.iter().map(Input::source_name).collect();
        assert_eq!(names, vec!["a.txt", "b.HTML", "d.htm"]);
        assert_eq!(errors.len(), 1);
    }
}
