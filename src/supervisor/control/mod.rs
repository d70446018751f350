//! Control of a running job set: the request/reply protocol, the server
//! socket `upstart-run` listens on, and the `ctl` client.

pub mod protocol;
