//! Long answers written a chunk at a time (the CSV export, a customer's personal-data
//! export): the first chunk is read before the response starts, so that a failure there is
//! still a problem document; a later failure ends the body short and is logged.

use actix_web::web::Bytes;
use futures_util::future::LocalBoxFuture;
use futures_util::stream::{Stream, unfold};

use crate::domain::customer::csv::export::Export;
use crate::domain::customer::dossier::Dossier;
use crate::http::error::ApiError;
use crate::model::error::DomainResult;

/// Something that yields the pieces of a body until it has none left.
pub trait Chunks: 'static {
    fn next_chunk(&mut self) -> LocalBoxFuture<'_, DomainResult<Option<Bytes>>>;
}

impl Chunks for Export {
    fn next_chunk(&mut self) -> LocalBoxFuture<'_, DomainResult<Option<Bytes>>> {
        Box::pin(async move { Ok(Export::next_chunk(self).await?.map(Bytes::from)) })
    }
}

impl Chunks for Dossier {
    fn next_chunk(&mut self) -> LocalBoxFuture<'_, DomainResult<Option<Bytes>>> {
        Box::pin(async move { Ok(Dossier::next_chunk(self).await?.map(Bytes::from)) })
    }
}

/// Reads the first chunk of `source`, then returns the whole body as a stream; `what` names
/// the export in the log when it stops early.
pub async fn body<S: Chunks>(
    mut source: S,
    what: &'static str,
) -> Result<impl Stream<Item = Result<Bytes, ApiError>>, ApiError> {
    let first = source.next_chunk().await?;
    Ok(unfold(
        (first, source),
        move |(ready, mut source)| async move {
            let chunk = match ready {
                Some(chunk) => chunk,
                None => match source.next_chunk().await {
                    Ok(Some(chunk)) => chunk,
                    Ok(None) => return None,
                    Err(err) => {
                        tracing::warn!(error.cause = %err, export = what, "export stopped");
                        return Some((Err(ApiError::from(err)), (None, source)));
                    }
                },
            };
            Some((Ok(chunk), (None, source)))
        },
    ))
}
