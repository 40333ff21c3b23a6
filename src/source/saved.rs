//! Pages saved by `zonekg fetch`: the body in a file, and beside it a small JSON file
//! (`page.html.fetch.json`) with what the HTTP answer said about it — its final URL, the
//! charset its header declared, its validators. A later run from the saved file reads
//! the report as if fetched: located at its URL, decoded with the header's charset.

use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The suffix of the file saved beside a page.
pub const SIDECAR_SUFFIX: &str = ".fetch.json";

/// What the HTTP answer said about a saved page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPage {
    /// The final URL, after redirects: the report's location.
    pub url: String,
    /// The URL that was asked for.
    pub requested: String,
    /// The charset the `Content-Type` header declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// The sidecar file of the page saved at `page`.
pub fn sidecar_path(page: &Path) -> PathBuf {
    let mut name = page.as_os_str().to_owned();
    name.push(SIDECAR_SUFFIX);
    PathBuf::from(name)
}

/// Reads the sidecar of `page`, if there is one. A sidecar that does not parse is an
/// error: silently reading the page as a plain file would move its report elsewhere.
pub fn read_sidecar(page: &Path) -> std::io::Result<Option<SavedPage>> {
    let path = sidecar_path(page);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {e}", path.display()),
        )
    })
}

/// Writes `body` to `dir/<name>` and its sidecar beside it; returns the page's path.
/// The name comes from the final URL, so fetching the same page again overwrites it.
pub fn save(dir: &Path, page: &SavedPage, body: &[u8]) -> std::io::Result<PathBuf> {
    let path = dir.join(file_name(page));
    std::fs::write(&path, body)?;
    let json = serde_json::to_string_pretty(page).map_err(std::io::Error::other)?;
    std::fs::write(sidecar_path(&path), json + "\n")?;
    Ok(path)
}

/// A file name for a page: host and path made safe, a short hash of the full URL (two
/// URLs differing only in their query stay apart), and an extension a directory walk
/// picks up (`.html` for HTML, `.txt` otherwise).
pub fn file_name(page: &SavedPage) -> String {
    use sha2::{Digest, Sha256};
    let url = Url::parse(&page.url).ok();
    let host = url.as_ref().and_then(Url::host_str).unwrap_or("page");
    let last = url
        .as_ref()
        .and_then(|u| u.path_segments())
        .and_then(|mut s| s.rfind(|seg| !seg.is_empty()))
        .unwrap_or("index");
    let (stem, ext) = match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (last, String::new()),
    };
    let html = page
        .content_type
        .as_deref()
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("html"));
    let ext = match ext.as_str() {
        "txt" | "html" | "htm" => ext,
        _ if html => "html".to_string(),
        _ => "txt".to_string(),
    };
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect()
    };
    let digest = Sha256::digest(page.url.as_bytes());
    let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("{}_{}-{hash}.{ext}", safe(host), safe(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str, ct: Option<&str>) -> SavedPage {
        SavedPage {
            url: url.into(),
            requested: url.into(),
            charset: None,
            content_type: ct.map(str::to_string),
            etag: None,
            last_modified: None,
        }
    }

    #[test]
    fn file_names_are_safe_stable_and_walkable() {
        let a = file_name(&page(
            "http://www.example.gov.cn/art/2024/3/12/art_1.html?x=1",
            Some("text/html"),
        ));
        assert!(a.starts_with("www_example_gov_cn_art_1-"), "{a}");
        assert!(a.ends_with(".html"));
        let b = file_name(&page(
            "http://www.example.gov.cn/art/2024/3/12/art_1.html?x=2",
            Some("text/html"),
        ));
        assert_ne!(a, b);
        assert!(file_name(&page("http://h.example/news/", Some("text/html"))).ends_with(".html"));
        assert!(file_name(&page("http://h.example/a.jsp", None)).ends_with(".txt"));
    }

    #[test]
    fn save_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = page("https://h.example/a.html", Some("text/html; charset=gbk"));
        p.charset = Some("gbk".into());
        let path = save(dir.path(), &p, b"x").unwrap();
        assert_eq!(read_sidecar(&path).unwrap(), Some(p));
        assert_eq!(read_sidecar(&dir.path().join("none.txt")).unwrap(), None);
    }
}
