# A tiny JSON writer that prints every number with 17 significant digits, so a double survives
# the trip to JavaScript bit for bit (jsonlite's default rounds to 4 decimals). NA/NaN -> null.
# Named lists become objects, unnamed lists arrays; a numeric/logical/character vector of length
# 1 becomes a scalar, anything wrapped in I() or longer than 1 an array.

json_scalar <- function(x) {
  if (is.na(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.numeric(x)) {
    if (is.infinite(x)) stop("JSON has no infinity")
    return(sprintf("%.17g", x))
  }
  s <- gsub("\\\\", "\\\\\\\\", as.character(x))
  paste0("\"", gsub("\"", "\\\\\"", s), "\"")
}

to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.factor(x)) x <- as.character(x)
  if (is.list(x)) {
    parts <- vapply(x, to_json, "")
    if (!is.null(names(x))) {
      keys <- vapply(names(x), json_scalar, "")
      return(paste0("{", paste0(keys, ":", parts, collapse = ","), "}"))
    }
    return(paste0("[", paste0(parts, collapse = ","), "]"))
  }
  if (length(x) == 1 && !inherits(x, "AsIs")) return(json_scalar(x))
  paste0("[", paste0(vapply(unclass(x), json_scalar, ""), collapse = ","), "]")
}

write_json <- function(x, path) {
  writeLines(to_json(x), path)
  cat("wrote", path, "\n")
}
