//! A slot for what another group derives from model data on first use (the search index of a
//! model, the analysed forms of a thesaurus): the model knows nothing of the derived type,
//! hence the type erasure.

use std::any::Any;

use once_cell::sync::OnceCell;

/// Data derived from the value holding the slot, worked out once. It is no part of that
/// value: clones start empty, and it never makes two values unequal.
#[derive(Default)]
pub(crate) struct Derived(OnceCell<Box<dyn Any + Send + Sync>>);

impl Derived {
    /// The derived value, worked out by `init` the first time; `None` if the slot already
    /// holds a value of another type.
    pub fn get_or_init<T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Option<&T> {
        self.0.get_or_init(|| Box::new(init())).downcast_ref::<T>()
    }
}

impl Clone for Derived {
    fn clone(&self) -> Self {
        Derived::default()
    }
}

impl PartialEq for Derived {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Derived {}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Derived(worked out)"
        } else {
            "Derived(empty)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_out_once_and_never_part_of_the_value() {
        let slot = Derived::default();
        assert_eq!(slot.get_or_init(|| 7u32), Some(&7));
        assert_eq!(slot.get_or_init(|| 8u32), Some(&7));
        assert_eq!(slot.get_or_init(|| "other type"), None);
        assert_eq!(slot, Derived::default());
        assert_eq!(slot.clone().get_or_init(|| 9u32), Some(&9));
    }
}
