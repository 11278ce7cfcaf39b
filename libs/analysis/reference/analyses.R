# The R computations each fixture records. Sourced by generate-fixtures.R.

describe <- function(v) {
  x <- v[!is.na(v)]
  n <- length(x)
  sd <- if (n > 1) sd(x) else NA
  se <- sd / sqrt(n)
  half <- if (n > 1) qt(0.975, n - 1) * se else NA
  list(
    n = n, missing = sum(is.na(v)), mean = if (n > 0) mean(x) else NA, sd = sd, se = se,
    ciLow = if (n > 0) mean(x) - half else NA, ciHigh = if (n > 0) mean(x) + half else NA,
    median = if (n > 0) median(x) else NA, min = if (n > 0) min(x) else NA, max = if (n > 0) max(x) else NA
  )
}

# ICC(1) from a one-way ANOVA on sessions; k0 is the usual adjusted group size for unequal groups
# (equal to k when every session has k members). CI after Shrout & Fleiss (1979) with k0.
icc1 <- function(ind) {
  g <- ind[!is.na(ind$post), ]
  a <- anova(lm(post ~ factor(session), data = g))
  msb <- a[1, 3]; msw <- a[2, 3]; df1 <- a[1, 1]; df2 <- a[2, 1]
  ni <- as.vector(table(g$session)); N <- sum(ni)
  k0 <- (N - sum(ni^2) / N) / (length(ni) - 1)
  f0 <- msb / msw
  fl <- f0 / qf(0.975, df1, df2); fu <- f0 * qf(0.975, df2, df1)
  list(
    msb = msb, msw = msw, df1 = df1, df2 = df2, k = k0, f = f0, p = pf(f0, df1, df2, lower.tail = FALSE),
    icc = (msb - msw) / (msb + (k0 - 1) * msw),
    ciLow = (fl - 1) / (fl + k0 - 1), ciHigh = (fu - 1) / (fu + k0 - 1)
  )
}

# Pairwise ICC (Griffin & Gonzalez 1995): Pearson r over every ordered pair of members of a session.
pairwise_icc <- function(ind) {
  g <- ind[!is.na(ind$post), ]
  pairs <- do.call(rbind, lapply(split(g$post, g$session), function(v) {
    if (length(v) < 2) return(NULL)
    idx <- expand.grid(i = seq_along(v), j = seq_along(v))
    idx <- idx[idx$i != idx$j, ]
    data.frame(x = v[idx$i], xp = v[idx$j])
  }))
  list(r = cor(pairs$x, pairs$xp), pairs = nrow(pairs))
}

contrast_row <- function(m, ctr, newdata) {
  model.matrix(delete.response(terms(m)), newdata, contrasts.arg = ctr)
}

estimate <- function(L, m) {
  est <- sum(L * coef(m)); se <- sqrt(as.numeric(t(L) %*% vcov(m) %*% L)); df <- df.residual(m)
  q <- qt(0.975, df)
  list(estimate = est, se = se, t = est / se, df = df, p = 2 * pt(-abs(est / se), df),
       ciLow = est - q * se, ciHigh = est + q * se)
}

model_means <- function(m, ctr, factors, covariate) {
  grid <- cells_of(factors)
  for (f in factors) grid[[f$id]] <- factor(grid[[f$id]], levels = as.character(f$levels))
  if (covariate) grid$covariate <- 0
  X <- contrast_row(m, ctr, grid)
  cells <- lapply(seq_len(nrow(grid)), function(r) {
    c(list(levels = as.list(setNames(as.character(unlist(grid[r, vapply(factors, function(f) f$id, "")])),
                                     vapply(factors, function(f) f$id, "")))), estimate(X[r, ], m))
  })
  marginal <- unlist(lapply(factors, function(f) lapply(as.character(f$levels), function(l) {
    c(list(factor = f$id, level = l), estimate(colMeans(X[grid[[f$id]] == l, , drop = FALSE]), m))
  })), recursive = FALSE)
  simple <- NULL
  if (length(factors) == 2 && all(vapply(factors, function(f) length(f$levels) == 2, TRUE))) {
    simple <- unlist(lapply(1:2, function(fi) {
      f <- factors[[fi]]; g <- factors[[3 - fi]]
      lapply(as.character(g$levels), function(at) {
        rows <- which(grid[[g$id]] == at)
        L <- X[rows[grid[[f$id]][rows] == f$levels[1]], ] - X[rows[grid[[f$id]][rows] == f$levels[2]], ]
        c(list(factor = f$id, at = list(factor = g$id, level = at)), estimate(L, m))
      })
    }), recursive = FALSE)
  }
  list(cells = cells, marginal = marginal, simpleEffects = simple)
}

fit_model <- function(s, factors, covariate) {
  ids <- vapply(factors, function(f) f$id, "")
  rhs <- paste(ids, collapse = " * ")
  if (covariate) {
    s <- s[!is.na(s$pre), ]
    s$covariate <- s$pre - mean(s$pre)
    rhs <- paste(rhs, "+ covariate")
  }
  ctr <- setNames(rep(list(contr.sum), length(ids)), ids)
  m <- lm(as.formula(paste("y ~", rhs)), data = s, contrasts = ctr)
  if (df.residual(m) < 1 || any(is.na(coef(m)))) return(NULL)
  co <- summary(m)$coefficients
  a <- car::Anova(m, type = 3)
  sse <- a["Residuals", "Sum Sq"]
  terms <- setdiff(rownames(a), "Residuals")
  c(list(
    n = nrow(s), covariateMean = if (covariate) mean(s$pre) else NA,
    coefficients = lapply(seq_len(nrow(co)), function(r) list(
      name = rownames(co)[r], estimate = co[r, 1], se = co[r, 2], t = co[r, 3], p = co[r, 4])),
    anova = lapply(terms, function(term) list(
      term = term, ss = a[term, "Sum Sq"], df = a[term, "Df"], f = a[term, "F value"],
      p = a[term, "Pr(>F)"], partialEta2 = a[term, "Sum Sq"] / (a[term, "Sum Sq"] + sse))),
    residual = list(ss = sse, df = df.residual(m), ms = sse / df.residual(m))
  ), model_means(m, ctr, factors, covariate))
}

# Exact noncentral-t limits: effectsize 0.8.3 finds them with optim(), whose stopping rule leaves
# an error near 1e-7; uniroot with a tight tolerance gives the values that method is aiming at.
ncp_limits <- function(t, df) {
  find <- function(p) uniroot(function(ncp) pt(t, df, ncp) - p, c(t - 40, t + 40), tol = 1e-14)$root
  c(find(0.975), find(0.025))
}

group_comparison <- function(s, f) {
  s <- s[!is.na(s$y), ]
  a <- s$y[s[[f$id]] == f$levels[1]]; b <- s$y[s[[f$id]] == f$levels[2]]
  g <- effectsize::hedges_g(a, b)
  n1 <- length(a); n2 <- length(b); df <- n1 + n2 - 2
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  d <- (mean(a) - mean(b)) / effectsize::sd_pooled(a, b)
  lim <- ncp_limits(d / sqrt(1 / n1 + 1 / n2), df) * sqrt(1 / n1 + 1 / n2) * J
  w <- t.test(a, b)
  list(
    factor = f$id, a = I(a), b = I(b),
    hedges = list(d = d, g = g$Hedges_g, J = J, ciLow = g$CI_low, ciHigh = g$CI_high,
                  exactCiLow = lim[1], exactCiHigh = lim[2], df = df,
                  variance = (n1 + n2) / (n1 * n2) + g$Hedges_g^2 / (2 * (n1 + n2))),
    welch = list(t = unname(w$statistic), df = unname(w$parameter), p = w$p.value,
                 meanA = mean(a), meanB = mean(b), difference = mean(a) - mean(b), se = w$stderr,
                 ciLow = w$conf.int[1], ciHigh = w$conf.int[2])
  )
}

change_scores <- function(ind) {
  change <- ind$post - ind$pre
  ids <- unique(ind$session)
  list(
    participants = I(change),
    sessions = lapply(ids, function(id) {
      v <- change[ind$session == id]
      list(sessionId = id, mean = mean_or_na(v), members = sum(!is.na(v)))
    })
  )
}
