//! Procedure guides: the model, the file parser and the HTML renderer.

pub mod html;
pub mod model;
pub mod parse;

pub use model::{
    Block, Channel, ChannelKind, CopyForm, DocumentGroup, DocumentItem, GroupKind, Guide, Level,
    Origin, Quantity, Superseded,
};
pub use parse::parse_guide;
