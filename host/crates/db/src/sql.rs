//! Building the multi-row statements that batched writes use, in the
//! `$n` placeholders both backends read.

/// The VALUES rows of a multi-row insert: `rows` rows of `cols`
/// parameters each, written by `row` from its parameters' placeholders.
pub fn values(rows: usize, cols: usize, row: impl Fn(&[String]) -> String) -> String {
    (0..rows)
        .map(|r| {
            let p: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            row(&p)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The placeholders of an `IN (…)` list: `$from, $from+1, …`, `n` of them.
pub fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::{placeholders, values};

    #[test]
    fn values_number_every_row() {
        let sql = values(2, 3, |p| format!("({}, 'x', {})", p[0], p[2]));
        assert_eq!(sql, "($1, 'x', $3), ($4, 'x', $6)");
    }

    #[test]
    fn placeholders_start_where_asked() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
        assert_eq!(placeholders(1, 0), "");
    }
}
