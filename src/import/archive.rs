//! ZIP containers, read in memory with limits: office files (DOCX, ODT, XLSX, ODS, EPUB) and
//! archives of articles. A member is never trusted: its name may point outside the archive
//! (`../x`: skipped, nothing is ever written anyway) and its size may lie (a ZIP bomb: what
//! is read is counted as it is inflated, and reading stops at the limit).

use std::io::{Cursor, Read};

/// At most this many members are looked at.
pub const MAX_ENTRIES: usize = 20_000;
/// At most this much is inflated from one archive, all members together.
pub const MAX_EXPANDED: u64 = 256 << 20;

pub type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

pub fn open(bytes: &[u8]) -> Result<Zip<'_>, String> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a readable ZIP file: {e}"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(format!("{} members: more than the {MAX_ENTRIES} an archive may have", zip.len()));
    }
    Ok(zip)
}

/// A member's bytes, refusing more than `limit` once inflated. `Ok(None)` when it is missing.
pub fn read(zip: &mut Zip, name: &str, limit: u64) -> Result<Option<Vec<u8>>, String> {
    let Some(i) = zip.index_for_name(name) else { return Ok(None) };
    read_index(zip, i, limit).map(|(_, b)| Some(b))
}

/// A member's name and bytes by index, refusing more than `limit` once inflated.
pub fn read_index(zip: &mut Zip, index: usize, limit: u64) -> Result<(String, Vec<u8>), String> {
    let mut entry = zip.by_index(index).map_err(|e| format!("member {index}: {e}"))?;
    let name = entry.name().map(|n| n.into_owned()).unwrap_or_else(|_| format!("member {index}"));
    let mut out = Vec::with_capacity(entry.size().min(limit).min(16 << 20) as usize);
    (&mut entry).take(limit + 1).read_to_end(&mut out).map_err(|e| format!("{name}: cannot be inflated: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "{name} inflates to more than {limit} bytes (declared {}): refused, it looks like a ZIP bomb",
            entry.size()
        ));
    }
    Ok((name, out))
}

/// Inflates every member (into nothing) to check that the whole archive stays under
/// [`MAX_EXPANDED`] before a library that trusts it (calamine) reads it.
pub fn check_expansion(bytes: &[u8]) -> Result<(), String> {
    let mut zip = open(bytes)?;
    let mut budget = MAX_EXPANDED;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| format!("member {i}: {e}"))?;
        let n = std::io::copy(&mut (&mut entry).take(budget + 1), &mut std::io::sink())
            .map_err(|e| format!("member {i}: cannot be inflated: {e}"))?;
        if n > budget {
            return Err(format!(
                "the archive inflates to more than {MAX_EXPANDED} bytes: refused, it looks like a ZIP bomb"
            ));
        }
        budget -= n;
    }
    Ok(())
}

/// Members to read `(index, name)`, and members skipped `(name, why)`.
pub type Members = (Vec<(usize, String)>, Vec<(String, String)>);

/// The members of an archive of articles, in name order: `(index, name)` for those to read,
/// and the names skipped with why (unsafe names). Folders, hidden files, `__MACOSX` and Office
/// lock files (`~$…`) are left out silently.
pub fn members(zip: &mut Zip) -> Members {
    let mut ok = Vec::new();
    let mut unsafe_names = Vec::new();
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else { continue };
        let Ok(name) = entry.name().map(|n| n.into_owned()) else { continue };
        if entry.is_dir() {
            continue;
        }
        if entry.enclosed_name().is_none() {
            unsafe_names.push((name, "the name points outside the archive: skipped".to_string()));
            continue;
        }
        let base = name.rsplit('/').next().unwrap_or(&name);
        if base.starts_with('.') || base.starts_with("~$") || name.starts_with("__MACOSX/") {
            continue;
        }
        ok.push((i, name));
    }
    ok.sort_by(|a, b| a.1.cmp(&b.1));
    (ok, unsafe_names)
}
