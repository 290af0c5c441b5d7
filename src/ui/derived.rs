//! Derived data: values computed from the project once per revision (and whatever else they
//! depend on), never per frame.

use crate::model::{EntityId, LabelId, Project, RelTypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// A value computed once for a revision and a key; asked for again, it is handed out as is.
pub struct Cached<K, V> {
    made_for: Option<(u64, K)>,
    value: Option<Arc<V>>,
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Cached { made_for: None, value: None }
    }
}

impl<K: PartialEq, V> Cached<K, V> {
    pub fn get(&mut self, revision: u64, key: K, compute: impl FnOnce() -> V) -> Arc<V> {
        let fresh = self.made_for.as_ref().is_some_and(|(r, k)| *r == revision && *k == key);
        match &self.value {
            Some(v) if fresh => v.clone(),
            _ => {
                let v = Arc::new(compute());
                self.made_for = Some((revision, key));
                self.value = Some(v.clone());
                v
            }
        }
    }
}

/// How much each label, relation type and actor is used across the project.
#[derive(Default)]
pub struct Counts {
    pub spans_per_label: HashMap<LabelId, usize>,
    pub relations_per_type: HashMap<RelTypeId, usize>,
    pub mentions_per_entity: HashMap<EntityId, usize>,
}

impl Counts {
    pub fn of(project: &Project) -> Counts {
        let mut c = Counts::default();
        for a in &project.articles {
            for s in &a.spans {
                *c.spans_per_label.entry(s.label).or_insert(0) += 1;
                if let Some(e) = s.entity {
                    *c.mentions_per_entity.entry(e).or_insert(0) += 1;
                }
            }
            for r in &a.relations {
                *c.relations_per_type.entry(r.kind).or_insert(0) += 1;
            }
        }
        c
    }
}
