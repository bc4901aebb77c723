//! Waiting for the tasks of one worker pass. A task that panicked (or failed with a store error)
//! must not leave its entry stuck: the worker is told which task it was, so the entry goes back to
//! the queue with backoff like any transient failure, and the other tasks run to the end.

use fakturera_core::Text;
use tokio::task::{Id, JoinSet};

use crate::error::AppError;

/// What went wrong with one task.
#[derive(Debug)]
pub(crate) enum TaskOutcome {
    /// It returned an error (the store could not be written, say).
    Failed(AppError),
    /// It panicked or was cancelled.
    Lost(String),
}

impl TaskOutcome {
    /// Why, for the entry's last error.
    pub(crate) fn message(&self) -> Text {
        let detail = match self {
            TaskOutcome::Failed(error) => error.message.clone(),
            TaskOutcome::Lost(detail) => detail.clone(),
        };
        Text::new(
            format!("Ett internt fel avbröt försöket ({detail}); fakturan skickas igen senare."),
            format!(
                "An internal error stopped the attempt ({detail}); the invoice is sent again later."
            ),
        )
    }
}

fn panic_text(error: tokio::task::JoinError) -> String {
    if error.is_cancelled() {
        return "cancelled".to_owned();
    }
    let payload = error.into_panic();
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// Waits for every task, hands each one that failed or panicked to `trouble`, and returns the
/// first error a task returned: one invoice's trouble never stops the others on their way.
pub(crate) async fn settle_tasks(
    mut tasks: JoinSet<Result<(), AppError>>,
    mut trouble: impl FnMut(Id, TaskOutcome),
) -> Result<(), AppError> {
    let mut first_error = None;
    while let Some(joined) = tasks.join_next_with_id().await {
        match joined {
            Ok((_, Ok(()))) => {}
            Ok((id, Err(error))) => {
                first_error.get_or_insert(error.clone());
                trouble(id, TaskOutcome::Failed(error));
            }
            Err(error) => {
                let id = error.id();
                trouble(id, TaskOutcome::Lost(panic_text(error)));
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_task_is_reported_and_the_others_finish() {
        let mut tasks: JoinSet<Result<(), AppError>> = JoinSet::new();
        let fine = tasks.spawn(async { Ok(()) }).id();
        let panics = tasks
            .spawn(async {
                let limit: Option<u32> = None;
                // What an unchecked `now + huge` did to the sender before.
                assert!(limit.is_some(), "overflow when adding durations to a date");
                Ok(())
            })
            .id();
        let mut reported = Vec::new();
        let outcome = settle_tasks(tasks, |id, outcome| reported.push((id, outcome))).await;
        assert!(outcome.is_ok(), "a panic is handled, not passed on");
        assert_eq!(reported.len(), 1);
        assert_eq!(reported[0].0, panics);
        assert_ne!(reported[0].0, fine);
        let message = reported[0].1.message();
        assert!(message.en.contains("overflow"), "{message:?}");
        assert!(message.sv.contains("skickas igen senare"));
    }
}
