//! Path checks for folder mode: outputs must never land inside the input tree.

use std::path::{Component, Path, PathBuf};

/// The absolute, symlink-free form of `path`, which need not exist yet: the longest
/// existing ancestor is canonicalized and the remaining components appended.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(mut base) => {
                for c in rest.iter().rev() {
                    match c {
                        Component::ParentDir => {
                            base.pop();
                        }
                        Component::CurDir => {}
                        other => base.push(other.as_os_str()),
                    }
                }
                return Ok(base);
            }
            Err(e) => {
                let Some(parent) = existing.parent() else {
                    return Err(e);
                };
                rest.push(
                    existing
                        .components()
                        .next_back()
                        .expect("has a last component"),
                );
                existing = parent;
            }
        }
    }
}

/// Whether `a` and `b` overlap: equal, or one inside the other (both resolved).
pub fn nested(a: &Path, b: &Path) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// `rel` as a portable string with `/` separators (lossy for non-UTF-8 names).
pub fn portable(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_paths_that_do_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        let r = resolve(&dir.path().join("a/b/../c")).unwrap();
        assert_eq!(r, base.join("a/c"));
        assert!(nested(&base.join("in"), &base.join("in/out")));
        assert!(nested(&base.join("in/x"), &base.join("in")));
        assert!(!nested(&base.join("in"), &base.join("inside")));
    }
}
