//! FNV-1a, 64 bits: a fast, stable hash of bytes. It ties a journal to the saved file it was
//! written against, notices a file changed on disk, seeds stable UUIDs in exports and finds
//! duplicate texts. Not for security.

/// The FNV-1a hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
