//! Deciding what goes on which page: rows flow down the body and onto new pages, each page with
//! rows gets the table header, a row taller than a page is split between lines, and the summary
//! and payment block stay together on the last page.

use super::geometry::{BODY_BOTTOM, CONTINUED_TABLE_TOP};
use super::table::{HEADER_HEIGHT, fragment_height, lines_fitting};
use crate::units::Length;

/// One thing placed on a page, with the y of its top edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    TableHeader {
        top: Length,
    },
    /// Lines `from..to` of row `index`.
    Row {
        index: usize,
        from: usize,
        to: usize,
        top: Length,
    },
    /// Lines `from..to` of the invoice's message; the title goes with the first.
    Notes {
        from: usize,
        to: usize,
        top: Length,
    },
    Summary {
        top: Length,
    },
    Payment {
        top: Length,
    },
}

/// The heights the pagination needs to know.
#[derive(Debug, Clone)]
pub struct Measures {
    /// Where the table starts on the first page.
    pub first_top: Length,
    /// Text lines per row.
    pub row_lines: Vec<usize>,
    /// Lines of the message (0 when there is none).
    pub note_lines: usize,
    pub note_leading: Length,
    pub summary_height: Length,
    pub payment_height: Length,
}

const GAP: Length = Length::mm(5);

/// The pages, each a list of what is on it.
pub fn paginate(measures: &Measures) -> Vec<Vec<Placed>> {
    let mut flow = Flow {
        pages: vec![Vec::new()],
        y: measures.first_top,
        has_header: false,
    };
    if measures.row_lines.is_empty() {
        flow.ensure_header();
    }
    let capacity = lines_fitting(BODY_BOTTOM - CONTINUED_TABLE_TOP - HEADER_HEIGHT).max(1);
    for (index, &count) in measures.row_lines.iter().enumerate() {
        let mut from = 0;
        while from < count {
            flow.ensure_header();
            let remaining = count - from;
            let fit = lines_fitting(BODY_BOTTOM - flow.y);
            if fit >= remaining {
                flow.place(
                    Placed::Row {
                        index,
                        from,
                        to: count,
                        top: flow.y,
                    },
                    fragment_height(remaining),
                );
                from = count;
            } else if fit >= 1 && (from > 0 || remaining > capacity) {
                // Only a row too tall for any page is split; others move whole to the next page.
                flow.place(
                    Placed::Row {
                        index,
                        from,
                        to: from + fit,
                        top: flow.y,
                    },
                    fragment_height(fit),
                );
                from += fit;
                flow.new_page();
            } else {
                flow.new_page();
            }
        }
    }
    place_notes(&mut flow, measures);
    place_closing(&mut flow, measures);
    flow.pages
}

fn place_notes(flow: &mut Flow, measures: &Measures) {
    let leading = measures.note_leading;
    let mut from = 0;
    if measures.note_lines > 0 {
        flow.y += GAP;
    }
    while from < measures.note_lines {
        // The title takes one line above the text.
        let space = BODY_BOTTOM - flow.y - if from == 0 { leading } else { Length::ZERO };
        let fit = usize::try_from(space.0 / leading.0.max(1)).unwrap_or(0);
        if fit == 0 {
            flow.new_page();
            continue;
        }
        let to = (from + fit).min(measures.note_lines);
        let title = if from == 0 { leading } else { Length::ZERO };
        let lines = i64::try_from(to - from).unwrap_or(0);
        flow.place(
            Placed::Notes {
                from,
                to,
                top: flow.y,
            },
            title + leading * lines,
        );
        from = to;
        if from < measures.note_lines {
            flow.new_page();
        }
    }
}

/// The summary follows the last row; the payment block sits at the foot of the same page.
fn place_closing(flow: &mut Flow, measures: &Measures) {
    let payment_top = BODY_BOTTOM - measures.payment_height;
    if flow.y + GAP + measures.summary_height + GAP > payment_top {
        flow.new_page();
    }
    flow.place(
        Placed::Summary { top: flow.y + GAP },
        GAP + measures.summary_height,
    );
    flow.place(Placed::Payment { top: payment_top }, Length::ZERO);
}

struct Flow {
    pages: Vec<Vec<Placed>>,
    y: Length,
    has_header: bool,
}

impl Flow {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTINUED_TABLE_TOP;
        self.has_header = false;
    }

    fn ensure_header(&mut self) {
        if !self.has_header {
            self.place(Placed::TableHeader { top: self.y }, HEADER_HEIGHT);
            self.has_header = true;
        }
    }

    fn place(&mut self, item: Placed, height: Length) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
        self.y += height;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measures(row_lines: Vec<usize>, note_lines: usize) -> Measures {
        Measures {
            first_top: Length::mm(95),
            row_lines,
            note_lines,
            note_leading: Length::mm(4),
            summary_height: Length::mm(40),
            payment_height: Length::mm(35),
        }
    }

    /// Each row's lines, as placed, in order, across all pages.
    fn placed_lines(pages: &[Vec<Placed>], rows: usize) -> Vec<Vec<(usize, usize)>> {
        let mut seen = vec![Vec::new(); rows];
        for item in pages.iter().flatten() {
            if let Placed::Row {
                index, from, to, ..
            } = item
            {
                seen[*index].push((*from, *to));
            }
        }
        seen
    }

    #[test]
    fn every_row_once_and_every_page_with_rows_has_a_header() {
        for (rows, expected_pages) in [(0, 1), (5, 1), (30, 2), (120, 4)] {
            let pages = paginate(&measures(vec![1; rows], 0));
            assert_eq!(pages.len(), expected_pages, "{rows} rows");
            for (index, lines) in placed_lines(&pages, rows).iter().enumerate() {
                assert_eq!(lines, &[(0, 1)], "row {index} of {rows}");
            }
            for page in &pages {
                let has_rows = page.iter().any(|item| matches!(item, Placed::Row { .. }));
                let header_first = matches!(page.first(), Some(Placed::TableHeader { .. }));
                assert!(!has_rows || header_first, "{page:?}");
            }
            let last = pages.last().expect("a page");
            assert!(matches!(last[last.len() - 2], Placed::Summary { .. }));
            assert!(matches!(last[last.len() - 1], Placed::Payment { .. }));
        }
    }

    #[test]
    fn splits_only_rows_taller_than_a_page_and_stays_inside_the_body() {
        let pages = paginate(&measures(vec![3, 400, 2], 0));
        let lines = placed_lines(&pages, 3);
        assert_eq!(lines[0], [(0, 3)]);
        assert!(lines[1].len() > 5);
        assert_eq!(lines[1].first().map(|l| l.0), Some(0));
        assert_eq!(lines[1].last().map(|l| l.1), Some(400));
        assert!(
            lines[1].windows(2).all(|pair| pair[0].1 == pair[1].0),
            "contiguous"
        );
        for item in pages.iter().flatten() {
            if let Placed::Row { from, to, top, .. } = item {
                assert!(*top + fragment_height(to - from) <= BODY_BOTTOM, "{item:?}");
            }
        }
    }

    #[test]
    fn moves_a_row_that_does_not_fit_whole_to_the_next_page() {
        let pages = paginate(&measures(
            vec![
                1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                1, 1, 1, 1, 1, 1, 1, 6,
            ],
            0,
        ));
        let lines = placed_lines(&pages, 36);
        assert_eq!(lines[35], [(0, 6)]);
    }

    #[test]
    fn long_messages_flow_over_pages() {
        let pages = paginate(&measures(vec![1], 150));
        let mut covered = 0;
        for item in pages.iter().flatten() {
            if let Placed::Notes { from, to, .. } = item {
                assert_eq!(*from, covered);
                covered = *to;
            }
        }
        assert_eq!(covered, 150);
        assert!(pages.len() >= 3);
    }
}
