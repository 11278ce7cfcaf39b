# Seeded datasets for the reference fixtures: individual scores (pre and post) of members nested
# in sessions, sessions nested in the cells of a 1-, 2- or 3-factor design with 2- and 3-level
# factors, unequal cell sizes, groups of 1-3 and missing answers. Sourced by generate-fixtures.R.

draw_design <- function(i) {
  nf <- c(1, 2, 3)[(i - 1) %% 3 + 1]
  repeat {
    nl <- sample(c(2, 2, 3), nf, replace = TRUE)
    if (prod(nl) <= 12) break
  }
  ids <- LETTERS[seq_len(nf)]
  lapply(seq_len(nf), function(f) {
    list(id = ids[f], levels = I(paste0(tolower(ids[f]), seq_len(nl[f]))))
  })
}

cells_of <- function(factors) {
  grid <- expand.grid(lapply(factors, function(f) as.character(f$levels)), stringsAsFactors = FALSE)
  names(grid) <- vapply(factors, function(f) f$id, "")
  grid
}

draw_individuals <- function(factors) {
  cells <- cells_of(factors)
  effects <- rnorm(nrow(cells), 0, 0.7)
  rows <- list()
  session <- 0
  for (cell in seq_len(nrow(cells))) {
    for (s in seq_len(sample(2:7, 1))) {
      session <- session + 1
      members <- sample(1:3, 1, prob = c(0.15, 0.6, 0.25))
      u <- rnorm(1, 0, 0.8)
      pre <- 4 + u + rnorm(members)
      post <- pre * 0.6 + 1.5 + effects[cell] + 0.5 * u + rnorm(members, 0, 0.8)
      pre[runif(members) < 0.1] <- NA
      post[runif(members) < 0.1] <- NA
      rows[[length(rows) + 1]] <- data.frame(
        session = sprintf("s%03d", session), member = seq_len(members), cells[rep(cell, members), , drop = FALSE],
        pre = pre, post = post, stringsAsFactors = FALSE, row.names = NULL
      )
    }
  }
  do.call(rbind, rows)
}

mean_or_na <- function(v) if (all(is.na(v))) NA_real_ else mean(v, na.rm = TRUE)

session_scores <- function(ind, factors) {
  ids <- unique(ind$session)
  first <- ind[match(ids, ind$session), , drop = FALSE]
  s <- data.frame(session = ids, stringsAsFactors = FALSE)
  for (f in factors) s[[f$id]] <- factor(first[[f$id]], levels = as.character(f$levels))
  s$y <- vapply(ids, function(id) mean_or_na(ind$post[ind$session == id]), 0)
  s$members <- vapply(ids, function(id) sum(!is.na(ind$post[ind$session == id])), 0)
  s$pre <- vapply(ids, function(id) mean_or_na(ind$pre[ind$session == id]), 0)
  s$preMembers <- vapply(ids, function(id) sum(!is.na(ind$pre[ind$session == id])), 0)
  s
}

# Every cell needs two scored sessions for a full-rank model with residual degrees of freedom.
usable <- function(ind, factors) {
  s <- session_scores(ind, factors)
  s <- s[!is.na(s$y), ]
  counts <- table(interaction(s[vapply(factors, function(f) f$id, "")], drop = FALSE))
  all(counts >= 2) && any(table(ind$session[!is.na(ind$post)]) >= 2)
}

draw_dataset <- function(i) {
  set.seed(20260000 + i)
  factors <- draw_design(i)
  repeat {
    ind <- draw_individuals(factors)
    if (usable(ind, factors)) break
  }
  list(factors = factors, individuals = ind)
}
