import type { Codebook, CodebookEntry } from './codebook';

/** Loaders are generated from the codebook, so they always match the export they came with. */
function byFile(codebook: Codebook): [string, string, CodebookEntry[]][] {
  const files = [...new Set(codebook.entries.map((e) => e.file))];
  return files.map((file) => [
    file.replace(/\.csv$/, ''),
    codebook.fileNames[file] ?? file,
    codebook.entries.filter((e) => e.file === file),
  ]);
}

function categories(entry: CodebookEntry): string[] {
  return entry.values.map((v) => String(v.value));
}

/** JSON string literals are valid R and Python string literals (\n, \", \\, \uXXXX). */
const q = (text: string): string => JSON.stringify(text);

export function loaderR(codebook: Codebook): string {
  const files = byFile(codebook).map(([key, fileName, entries]) => {
    const types = entries.map((e) => `${q(e.name)} = ${q(e.type)}`).join(',\n      ');
    const levels = entries
      .filter((e) => e.type === 'category')
      .map((e) => `${q(e.name)} = c(${categories(e).map(q).join(', ')})`)
      .join(',\n      ');
    const labels = entries.map((e) => `${q(e.name)} = ${q(e.label)}`).join(',\n      ');
    return `  ${key} = list(\n    file = ${q(fileName)},\n    types = c(\n      ${types}),\n    levels = list(\n      ${levels}),\n    labels = c(\n      ${labels}))`;
  });
  return `# Attune export loader for ${codebook.study.title.replace(/[\r\n]/g, ' ')}, generated from its codebook (${codebook.exportedAt}).
# Usage (base R only): source("load.R"); d <- attune_load(); str(d$wide)
# Reads every file from attune_dir (default: the folder you are in); empty cell = NA.
attune_files <- list(
${files.join(',\n')})

attune_unescape <- function(x) sub("^'(?=[=+@'\\t\\r\\n-])", "", x, perl = TRUE)

attune_read <- function(spec, dir = ".") {
  d <- utils::read.csv(file.path(dir, spec$file), colClasses = "character", na.strings = "",
                       fileEncoding = "UTF-8", check.names = FALSE)
  missing <- setdiff(names(spec$types), names(d))
  if (length(missing) > 0) stop("columns missing from ", spec$file, ": ", paste(missing, collapse = ", "))
  for (n in names(spec$types)) {
    x <- d[[n]]
    d[[n]] <- switch(spec$types[[n]],
      integer = as.integer(x), number = as.numeric(x), boolean = as.logical(as.integer(x)),
      datetime = as.POSIXct(x, format = "%Y-%m-%dT%H:%M:%OSZ", tz = "UTC"),
      category = factor(attune_unescape(x), levels = spec$levels[[n]]),
      attune_unescape(x))
    attr(d[[n]], "label") <- spec$labels[[n]]
  }
  d
}

attune_load <- function(dir = if (exists("attune_dir")) attune_dir else ".", which = names(attune_files)) {
  lapply(attune_files[which], attune_read, dir = dir)
}
`;
}

/** Per file: its name, each column's type, and each category column's levels, for the Python loader. */
function pythonSpec(codebook: Codebook): Record<string, unknown> {
  return Object.fromEntries(
    byFile(codebook).map(([key, fileName, entries]) => [
      key,
      {
        file: fileName,
        types: Object.fromEntries(entries.map((e) => [e.name, e.type])),
        levels: Object.fromEntries(entries.filter((e) => e.type === 'category').map((e) => [e.name, categories(e)])),
      },
    ]),
  );
}

// The loader's functions, the same for every export; only FILES above them comes from the codebook.
const PYTHON_READERS = `_ESCAPED = r"^'(?=[=+@'\\t\\r\\n-])"


def _unescape(column):
    return column.str.replace(_ESCAPED, "", regex=True)


def _convert(column, kind, levels):
    if kind == "integer":
        return pd.to_numeric(column).astype("Int64")
    if kind == "number":
        return pd.to_numeric(column).astype("float64")
    if kind == "boolean":
        return pd.to_numeric(column).astype("Int8").astype("boolean")
    if kind == "datetime":
        return pd.to_datetime(column, utc=True)
    if kind == "category":
        return pd.Categorical(_unescape(column), categories=levels)
    return _unescape(column).astype("string")


def read(which, directory="."):
    spec = FILES[which]
    frame = pd.read_csv(os.path.join(directory, spec["file"]), dtype=str, keep_default_na=False,
                        na_values=[""], encoding="utf-8")
    missing = set(spec["types"]) - set(frame.columns)
    if missing:
        raise ValueError("columns missing from %s: %s" % (spec["file"], ", ".join(sorted(missing))))
    for name, kind in spec["types"].items():
        frame[name] = _convert(frame[name], kind, spec["levels"].get(name))
    return frame


def load_all(directory="."):
    return {which: read(which, directory) for which in FILES}
`;

export function loaderPython(codebook: Codebook): string {
  return `"""Attune export loader, generated from the export's codebook (${codebook.exportedAt}).

Usage: from load import load_all; d = load_all("."); d["wide"].dtypes
Empty cell = missing (pd.NA / NaN / NaT); no other value is read as missing.
"""
import json
import os

import pandas as pd

FILES = json.loads(${q(JSON.stringify(pythonSpec(codebook)))})
${PYTHON_READERS}`;
}
