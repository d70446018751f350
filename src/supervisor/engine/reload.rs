//! `initctl reload-configuration`: the job files are read again and each
//! definition replaces the registered one, as upstart's `conf_reload`,
//! `job_class_consider` and `job_class_reconsider` do.
//!
//! - A class with no instance is replaced at once; the events its
//!   `start on` holds are offered to the new tree first, so a half-met
//!   `a and b` stays half met (`job_class_event_block`).
//! - A class with instances keeps running its old definition; the new one
//!   (or the deletion) takes effect when the last instance reaches
//!   `waiting`.
//! - A replaced class goes to the end of its hash bin, as `nih_hash_add`
//!   puts it, which is where `list` shows it.
//!
//! Every file is a new definition, changed or not, as upstart parses each
//! file again.

use super::{Engine, JobClass, Spawner, bin};

impl<S: Spawner> Engine<S> {
    /// Replace the job set's definitions by `classes` (every job file read
    /// again, in the loader's order; a file that no longer parses is left
    /// out, which deletes its job as upstart does). The new classes are
    /// numbered on from the existing ones, in the order given (see
    /// [`super::SpawnRequest::class`]).
    pub fn reload(&mut self, classes: Vec<JobClass>) {
        let first = self.classes.len();
        let names: std::collections::BTreeSet<String> =
            classes.iter().map(|c| c.name.clone()).collect();
        self.classes.extend(classes);
        for c in first..self.classes.len() {
            self.latest.insert(self.classes[c].name.clone(), c);
            self.consider(c);
        }
        // Files gone (or no longer parsing): their jobs are deleted.
        let gone: Vec<String> = self
            .latest
            .keys()
            .filter(|n| !names.contains(*n))
            .cloned()
            .collect();
        for name in gone {
            self.latest.remove(&name);
            if let Some(r) = self.registered(&name) {
                self.reconsider(r);
            }
        }
        self.finish_input();
    }

    /// The class index of the job named `name` as requests see it now.
    #[must_use]
    pub fn registered_class(&self, name: &str) -> Option<usize> {
        self.registered(name)
    }

    /// The registered class named `name`.
    pub(super) fn registered(&self, name: &str) -> Option<usize> {
        self.class_order
            .iter()
            .copied()
            .find(|&c| self.classes[c].name == name)
    }

    fn has_instances(&self, c: usize) -> bool {
        self.jobs.values().any(|j| j.class == c)
    }

    /// `job_class_consider` for the newly read class `c`.
    fn consider(&mut self, c: usize) {
        let Some(old) = self.registered(&self.classes[c].name) else {
            self.register(c);
            return;
        };
        if self.has_instances(old) {
            return;
        }
        self.carry_events(old, c);
        self.unregister(old);
        self.register(c);
    }

    /// `job_class_reconsider` of `c` once it may have lost its last
    /// instance: the newest definition (or none) takes its place.
    pub(super) fn reconsider(&mut self, c: usize) {
        let name = self.classes[c].name.clone();
        let best = self.latest.get(&name).copied();
        if self.registered(&name) != Some(c) || best == Some(c) || self.has_instances(c) {
            return;
        }
        self.unregister(c);
        if let Some(best) = best {
            self.register(best);
        }
    }

    /// `nih_hash_add`: at the end of the class's bin.
    fn register(&mut self, c: usize) {
        let b = bin(&self.classes[c].name);
        let at = self
            .class_order
            .iter()
            .position(|&o| bin(&self.classes[o].name) > b)
            .unwrap_or(self.class_order.len());
        self.class_order.insert(at, c);
    }

    /// Out of the hash; the events its `start on` held are released.
    fn unregister(&mut self, c: usize) {
        self.class_order.retain(|&o| o != c);
        if let Some(tree) = self.classes[c].start_on.as_mut() {
            let mut released = Vec::new();
            tree.reset(&mut released);
            for e in released {
                self.unblock_event(e);
            }
        }
    }

    /// `job_class_event_block`: every event `old`'s `start on` holds is
    /// offered to `new`'s tree.
    fn carry_events(&mut self, old: usize, new: usize) {
        let mut held = Vec::new();
        if let Some(tree) = &self.classes[old].start_on {
            tree.held_events(&mut held);
        }
        for id in held {
            let Some(event) = self.events.iter().find(|e| e.id == id) else {
                continue;
            };
            let (name, env) = (event.name.clone(), event.env.clone());
            let mut taken = Vec::new();
            if let Some(tree) = self.classes[new].start_on.as_mut() {
                tree.handle(id, &name, &env, None, &mut taken);
            }
            for e in taken {
                self.block_event(e);
            }
        }
    }
}
