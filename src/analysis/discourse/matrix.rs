//! A network matrix with its labels and the time span it covers.

use super::day;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// Row-major, `rows.len() × columns.len()`.
    pub values: Vec<f64>,
    /// The days it covers, when the statements are dated.
    pub start: Option<i64>,
    pub stop: Option<i64>,
    /// How many statements it was computed from.
    pub statements: usize,
    /// Whether every value is a whole number (no normalisation, no weighted scale).
    pub integer: bool,
    /// Whether rows and columns are the same nodes (a one-mode network).
    pub one_mode: bool,
}

impl Matrix {
    pub fn zeros(rows: Vec<String>, columns: Vec<String>) -> Self {
        let values = vec![0.0; rows.len() * columns.len()];
        Matrix { rows, columns, values, ..Default::default() }
    }

    pub fn get(&self, row: usize, col: usize) -> f64 {
        self.values[row * self.columns.len() + col]
    }

    pub fn set(&mut self, row: usize, col: usize, v: f64) {
        let n = self.columns.len();
        self.values[row * n + col] = v;
    }

    pub fn add(&mut self, row: usize, col: usize, v: f64) {
        let n = self.columns.len();
        self.values[row * n + col] += v;
    }

    pub fn sum(&self) -> f64 {
        self.values.iter().sum()
    }

    pub fn row(&self, row: usize) -> &[f64] {
        let n = self.columns.len();
        &self.values[row * n..(row + 1) * n]
    }

    /// A value as a table shows it: whole numbers without a decimal point.
    pub fn cell(&self, v: f64) -> String {
        if self.integer && v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
    }

    fn json_number(&self, v: f64) -> serde_json::Value {
        if self.integer && v.fract() == 0.0 && v.abs() < 1e15 {
            serde_json::Value::from(v as i64)
        } else {
            serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
        }
    }

    /// `{"rows": [...], "columns": [...], "matrix": [[...]], "statements": N}`, with `"start"`
    /// and `"stop"` (YYYY-MM-DD) when `dated`.
    pub fn to_json(&self, dated: bool) -> serde_json::Value {
        let matrix: Vec<serde_json::Value> = (0..self.rows.len())
            .map(|r| serde_json::Value::Array(self.row(r).iter().map(|&v| self.json_number(v)).collect()))
            .collect();
        let mut o = serde_json::Map::new();
        if dated {
            let d = |x: Option<i64>| x.map_or(serde_json::Value::Null, |x| day::format(x).into());
            o.insert("start".into(), d(self.start));
            o.insert("stop".into(), d(self.stop));
        }
        o.insert("rows".into(), self.rows.clone().into());
        o.insert("columns".into(), self.columns.clone().into());
        o.insert("matrix".into(), matrix.into());
        o.insert("statements".into(), self.statements.into());
        serde_json::Value::Object(o)
    }

    /// DNA's CSV: a header of the column labels after an empty cell, then one line per row.
    pub fn write_csv<W: std::io::Write>(&self, w: W) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(w);
        let safe = crate::export::safe_cell;
        w.write_record(std::iter::once(String::new()).chain(self.columns.iter().map(|c| safe(c))))?;
        for (r, name) in self.rows.iter().enumerate() {
            w.write_record(std::iter::once(safe(name)).chain(self.row(r).iter().map(|&v| self.cell(v))))?;
        }
        w.flush()?;
        Ok(())
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Matrix {
    /// GraphML for visone, Gephi and networkx: a node per row (and per column of a two-mode
    /// network) with its `name`, `type` (the variable it comes from) and, for a canonical actor
    /// or claim of that name, its `kind`, `color` and attributes; an undirected edge per
    /// non-zero cell with its `weight`.
    pub fn write_graphml<W: std::io::Write>(
        &self,
        mut w: W,
        variables: (&str, &str),
        entities: &[crate::model::Entity],
    ) -> std::io::Result<()> {
        let by_name: std::collections::HashMap<&str, &crate::model::Entity> =
            entities.iter().map(|e| (e.name.as_str(), e)).collect();
        let mut nodes: Vec<(&str, &str)> = self.rows.iter().map(|r| (r.as_str(), variables.0)).collect();
        if !self.one_mode {
            nodes.extend(self.columns.iter().map(|c| (c.as_str(), variables.1)));
        }
        let mut extra: Vec<&str> = Vec::new();
        for (name, _) in &nodes {
            for k in by_name.get(name).into_iter().flat_map(|e| e.attributes.keys()) {
                if !extra.contains(&k.as_str()) {
                    extra.push(k);
                }
            }
        }
        writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(w, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">")?;
        for (id, name) in [("name", "name"), ("type", "type"), ("kind", "kind"), ("color", "color")] {
            writeln!(w, "  <key id=\"{id}\" for=\"node\" attr.name=\"{name}\" attr.type=\"string\"/>")?;
        }
        for (i, k) in extra.iter().enumerate() {
            writeln!(w, "  <key id=\"a{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"string\"/>", esc(k))?;
        }
        writeln!(w, "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>")?;
        writeln!(w, "  <graph id=\"network\" edgedefault=\"undirected\">")?;
        for (i, (name, variable)) in nodes.iter().enumerate() {
            writeln!(w, "    <node id=\"n{i}\">")?;
            writeln!(w, "      <data key=\"name\">{}</data>", esc(name))?;
            writeln!(w, "      <data key=\"type\">{}</data>", esc(variable))?;
            if let Some(e) = by_name.get(name) {
                if !e.kind.is_empty() {
                    writeln!(w, "      <data key=\"kind\">{}</data>", esc(&e.kind))?;
                }
                if let Some(c) = e.color {
                    writeln!(w, "      <data key=\"color\">{c}</data>")?;
                }
                for (k, v) in &e.attributes {
                    let key = extra.iter().position(|x| x == k).unwrap_or_default();
                    writeln!(w, "      <data key=\"a{key}\">{}</data>", esc(v))?;
                }
            }
            writeln!(w, "    </node>")?;
        }
        let offset = if self.one_mode { 0 } else { self.rows.len() };
        let mut edge = 0;
        for r in 0..self.rows.len() {
            for c in 0..self.columns.len() {
                let v = self.get(r, c);
                if v == 0.0 || (self.one_mode && c <= r) {
                    continue;
                }
                writeln!(w, "    <edge id=\"e{edge}\" source=\"n{r}\" target=\"n{}\">", c + offset)?;
                writeln!(w, "      <data key=\"weight\">{}</data>\n    </edge>", self.cell(v))?;
                edge += 1;
            }
        }
        writeln!(w, "  </graph>\n</graphml>")
    }
}
