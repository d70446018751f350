//! Every code the tools report, as a type: a rule, a parse error or a
//! conversion loss is reported with a [`Code`], never with a string, and
//! the registry documents each one (`upstart-lint --explain CODE`).

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($code:ident),* $(,)?) => {
        /// A rule code (`UL205`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($code),*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &[Code] = &[$(Code::$code),*];

            /// The code as written (`"UL205"`).
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),*
                }
            }
        }
    };
}

codes! {
    UL001, UL002, UL003, UL004, UL005, UL006, UL007, UL008, UL009, UL010, UL011, UL012, UL013, UL014, UL101, UL102, UL103, UL104, UL105, UL106, UL107, UL108, UL109, UL110, UL111, UL112, UL114, UL115, UL116, UL117, UL118, UL119, UL201, UL202, UL203, UL204, UL205, UL206, UL207, UL208, UL209, UL210, UL211, UL212, UL215, UL216, UL217, UL218, UL219, UL220, UL221, UL222, UL223, UL301, UL302, UL303, UL304, UL305, UL306, UL308, UL401, UL402, UL403, UL404, UL405, UL406, UL407, UL408, UL501, UL502, UL503, UL504, UL506, UL507, UL508, UL509, UL510, UL511, UL512, UL513, UL514, UL515, UL601, UL602, UL603, UL701, UL702, UL703, UL704, UL705, UL706, UL707, UL708, UL709, UL901, UL902, UL903, UL904
}

impl Code {
    /// Whether the code is in the family `prefix` (`UL4`, `UL40`).
    #[must_use]
    pub fn starts_with(self, prefix: &str) -> bool {
        self.as_str().starts_with(prefix)
    }

    /// The code written as `text`, if there is one.
    #[must_use]
    pub fn parse(text: &str) -> Option<Code> {
        Self::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_read_back() {
        for pair in Code::ALL.windows(2) {
            assert!(pair[0].as_str() < pair[1].as_str(), "{pair:?}");
        }
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Code::parse("UL999"), None);
    }
}
