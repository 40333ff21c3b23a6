//! Where reports come from: files and directories named on the command line.
//!
//! A directory is walked (recursively, in sorted order) for `.txt`, `.html` and `.htm`
//! files; a file named directly is taken whatever its extension, so that a user who
//! names a file gets an answer about it.

use std::path::{Path, PathBuf};

/// Extensions picked up when walking a directory.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "html", "htm"];

/// One report input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
}

impl Input {
    /// The name facts are attributed to: the file name.
    pub fn source_name(&self) -> String {
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
            Ok(_) => inputs.push(Input { path: p.clone() }),
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
            inputs.push(Input { path: p });
        }
    }
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
