//! The one directory walker of every mode that walks folders (folder mode, `scan`,
//! `review`, `case init`, `verify`; the `--patterns` folder is listed here too). Lists the files of an input tree: every file
//! (hidden and git-ignored ones too; a redaction run must not silently skip
//! anything), filtered by include/exclude globs, sorted by path so numbering never
//! depends on the order the disk returns.

use crate::error::{Error, Result};
use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

/// One path found under the input root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// Path relative to the root.
    pub rel: PathBuf,
    /// Why it cannot be processed (symbolic link, unreadable folder), if so.
    pub problem: Option<Problem>,
}

/// A path that is listed but not processed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// A symbolic link: not followed, so the run never leaves the tree or reads a file twice.
    Symlink,
    /// A temporary file left by an interrupted casescrub run (`.casescrub-*.tmp`).
    Leftover,
    /// The walk itself failed here (e.g. a folder without read permission).
    Walk(String),
}

/// Every file under `root` that passes `globs` (ripgrep syntax: `*.txt` includes,
/// `!*.bak` excludes; with no include glob every file is included), sorted.
pub fn collect(root: &Path, globs: &[String]) -> Result<Vec<Found>> {
    let mut overrides = OverrideBuilder::new(root);
    for glob in globs {
        overrides.add(glob).map_err(|e| Error::Io {
            path: PathBuf::from(glob),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("invalid --glob: {e}"),
            ),
        })?;
    }
    let overrides = overrides.build().map_err(|e| Error::Io {
        path: root.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()),
    })?;
    let walker = WalkBuilder::new(root)
        .standard_filters(false)
        .follow_links(false)
        .overrides(overrides)
        .build();
    let mut found = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let Some(file_type) = entry.file_type() else {
                    continue; // stdin; never produced for a folder root
                };
                if file_type.is_dir() {
                    continue;
                }
                let rel = relative(root, entry.path());
                let problem = if file_type.is_symlink() {
                    Some(Problem::Symlink)
                } else if is_leftover(entry.path()) {
                    Some(Problem::Leftover)
                } else {
                    None
                };
                found.push(Found { rel, problem });
            }
            Err(e) => {
                let path = error_path(&e).map(|p| relative(root, &p));
                found.push(Found {
                    rel: path.unwrap_or_default(),
                    problem: Some(Problem::Walk(walk_reason(&e))),
                });
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The regular files under `root` (relative, sorted) that a person put there: hidden
/// names and casescrub's own artifacts (`casescrub-*`, such as the folder-mode
/// manifest) are left out with everything under them, and symbolic links are not
/// followed. `verify` lists a redacted folder with it.
pub fn visible_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for found in collect(root, &[])? {
        let hidden = found.rel.components().any(|c| {
            let name = c.as_os_str().to_string_lossy();
            name.starts_with('.') || name.starts_with("casescrub-")
        });
        match found.problem {
            _ if hidden => {}
            None => out.push(found.rel),
            Some(Problem::Symlink) | Some(Problem::Leftover) => {}
            Some(Problem::Walk(why)) => {
                let path = root.join(&found.rel);
                return Err(Error::Io {
                    path,
                    source: std::io::Error::other(format!("cannot list: {why}")),
                });
            }
        }
    }
    Ok(out)
}

/// Files named by a command (`scan`, `review`, `case init`), every folder expanded.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files to read, in the order given, each folder's in path order.
    pub files: Vec<PathBuf>,
    /// What a folder held that is not read, with why (for the caller to tell).
    pub skipped: Vec<(PathBuf, String)>,
}

impl Problem {
    /// Why a path with this problem is skipped, as messages say it.
    pub fn reason(&self) -> String {
        match self {
            Problem::Symlink => "a symbolic link (not followed)".to_string(),
            Problem::Leftover => "a temporary file of an interrupted run".to_string(),
            Problem::Walk(e) => e.clone(),
        }
    }
}

/// The files of `inputs`, every folder expanded to the files under it in path order
/// (hidden files included, as in folder mode); symbolic links, leftovers of an
/// interrupted run and what cannot be listed go to `skipped`.
pub fn expand(inputs: &[PathBuf]) -> Result<Expanded> {
    let mut out = Expanded::default();
    for input in inputs {
        if !input.is_dir() {
            out.files.push(input.clone());
            continue;
        }
        for found in collect(input, &[])? {
            let path = input.join(&found.rel);
            match &found.problem {
                None => out.files.push(path),
                Some(problem) => out.skipped.push((path, problem.reason())),
            }
        }
    }
    Ok(out)
}

/// The `*.toml` files directly in `dir` (not below it), sorted by name: a pattern
/// folder. Entries that cannot be read are left out.
pub fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Whether `path` is a temporary file of an interrupted casescrub write.
pub fn is_leftover(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".casescrub-") && n.ends_with(".tmp"))
}

/// Deletes the temporary files an interrupted run left under `root` (its own output
/// folder); returns how many.
pub fn remove_leftovers(root: &Path) -> usize {
    WalkBuilder::new(root)
        .standard_filters(false)
        .follow_links(false)
        .build()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()) && is_leftover(e.path()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn walk_reason(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_reason(err),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rel` with `/` between its parts on every platform.
    fn portable(rel: &Path) -> String {
        rel.to_string_lossy().replace('\\', "/")
    }

    fn touch(root: &Path, rel: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    #[test]
    fn expand_keeps_files_and_walks_folders_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        for rel in [
            "case/b.txt",
            "case/a/z.txt",
            "case/.casescrub-1.tmp",
            "one.txt",
        ] {
            touch(dir.path(), rel);
        }
        let inputs = [dir.path().join("one.txt"), dir.path().join("case")];
        let got = expand(&inputs).unwrap();
        let names: Vec<String> = got
            .files
            .iter()
            .map(|p| portable(p.strip_prefix(dir.path()).unwrap()))
            .collect();
        assert_eq!(names, ["one.txt", "case/a/z.txt", "case/b.txt"]);
        assert_eq!(got.skipped.len(), 1);
        assert!(got.skipped[0].0.ends_with(".casescrub-1.tmp"));
        assert_eq!(got.skipped[0].1, "a temporary file of an interrupted run");
        // A file that does not exist is kept: reading it says what is wrong.
        let missing = [dir.path().join("nope.txt")];
        assert_eq!(expand(&missing).unwrap().files, missing);
    }

    #[test]
    fn toml_files_lists_one_level_sorted() {
        let dir = tempfile::tempdir().unwrap();
        for rel in ["b.toml", "a.toml", "notes.txt", "sub/c.toml"] {
            touch(dir.path(), rel);
        }
        let names: Vec<String> = toml_files(dir.path())
            .unwrap()
            .iter()
            .map(|p| portable(p.strip_prefix(dir.path()).unwrap()))
            .collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        assert!(toml_files(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn lists_everything_sorted_and_filters_by_glob() {
        let dir = tempfile::tempdir().unwrap();
        for rel in ["b.txt", "a/z.txt", "a/y.md", ".hidden.txt", "c.bak.txt"] {
            touch(dir.path(), rel);
        }
        std::fs::write(dir.path().join(".gitignore"), "*.txt\n").unwrap();
        let rels = |globs: &[&str]| -> Vec<String> {
            let globs: Vec<String> = globs.iter().map(|s| s.to_string()).collect();
            collect(dir.path(), &globs)
                .unwrap()
                .into_iter()
                .map(|f| portable(&f.rel))
                .collect()
        };
        assert_eq!(
            rels(&["*.txt"]),
            [".hidden.txt", "a/z.txt", "b.txt", "c.bak.txt"]
        );
        assert_eq!(
            rels(&["*.txt", "!*.bak.txt"]),
            [".hidden.txt", "a/z.txt", "b.txt"]
        );
        assert_eq!(
            rels(&["!*.md"]),
            [".gitignore", ".hidden.txt", "a/z.txt", "b.txt", "c.bak.txt"]
        );
    }

    #[test]
    fn visible_files_leave_out_hidden_names_artifacts_and_what_is_under_them() {
        let dir = tempfile::tempdir().unwrap();
        for rel in [
            "b.txt",
            "a/z.txt",
            ".hidden.txt",
            ".git/config",
            "casescrub-manifest.jsonl",
            "casescrub-old/x.txt",
        ] {
            touch(dir.path(), rel);
        }
        let rels: Vec<String> = visible_files(dir.path())
            .unwrap()
            .iter()
            .map(|p| portable(p))
            .collect();
        assert_eq!(rels, ["a/z.txt", "b.txt"]);
    }
}
