//! FNV-1a, 64 bits: a fast, stable hash of bytes. It ties a journal to the saved file it was
//! written against, notices a file changed on disk, seeds stable UUIDs in exports and finds
//! duplicate texts. Not for security.

/// The FNV-1a hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a64::new();
    h.write(bytes);
    h.finish()
}

/// FNV-1a over several pieces written one after the other (the same as [`fnv1a64`] of their
/// concatenation).
pub struct Fnv1a64(u64);

impl Default for Fnv1a64 {
    fn default() -> Self {
        Self::new()
    }
}

impl Fnv1a64 {
    pub fn new() -> Self {
        Fnv1a64(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// A stable 64-bit hash of large buffers, eight bytes at a step (several times faster than
/// FNV-1a, which takes a byte at a time): the fingerprints of a project folder's files (a
/// gigabyte at size) and the token cache's keys. Each word is mixed in with a multiply and a
/// rotation, and the result finished by MurmurHash3's avalanche. Stable across builds and
/// machines (little-endian words, whatever the platform). Not for security.
pub fn wide64(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = 0x243f_6a88_85a3_08d3 ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // fmix64
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::wide64;

    #[test]
    fn wide64_is_stable_and_sees_every_byte() {
        // Stable: written down once (and checked by a second implementation), these must never
        // change: fingerprints are kept on disk.
        assert_eq!(wide64(b""), 0x226e_0401_4447_0ef3);
        assert_eq!(wide64("Glose: un atelier de lecture".as_bytes()), 0x6b94_a12e_6484_83cd);
        let base = b"Le pr\xc3\xa9sident russe Vladimir Poutine a critiqu\xc3\xa9".to_vec();
        let h = wide64(&base);
        for i in 0..base.len() {
            let mut changed = base.clone();
            changed[i] ^= 1;
            assert_ne!(wide64(&changed), h, "byte {i}");
        }
        assert_ne!(wide64(&base[..base.len() - 1]), h);
        let mut longer = base.clone();
        longer.push(0);
        assert_ne!(wide64(&longer), h, "a trailing zero byte counts (the length is mixed in)");
    }
}
