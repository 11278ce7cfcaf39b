# Random-effects meta-analysis fixtures: writes reference/fixtures/meta.json. Run from libs/analysis:
#   Rscript reference/meta.R
# R 4.2 (Debian): apt-get install --no-install-recommends r-base-core r-cran-metafor
#
# 36 seeded sets (seeds 20261601-20261636) of 3-40 sites plus 4 hand-made ones. Each site is a
# two-group comparison (n1, n2 of 4-60 sessions) whose true standardised effect is drawn from
# N(mu, tau2) with tau2 in {0, 0, .02, .08, .2, .5}; its summary (means, SDs) goes through
# escalc(measure = "SMD") (Hedges' g, large-sample variance) and then rma() REML and DL, predict()
# and weights().
#
# Convergence: rma()'s Fisher scoring stops when tau2 changes by less than control$threshold, 1e-5
# by default, which leaves tau2 up to ~1e-7 relative from the REML maximum. The figures the tests
# compare with are fitted with threshold = 1e-12 (maxiter = 1000); `remlDefault` keeps rma()'s
# output with the default control so the difference is on record.
# When the REML maximum is on the boundary (tau2 = 0), Fisher scoring started above 0 creeps
# towards 0 by step halving and stops at a tau2 below the threshold (~1e-13), not at 0; the script
# then checks that the restricted likelihood's score at 0 is negative and refits with
# tau2.init = 0, from where metafor's own iteration stays at exactly 0 (`remlBoundary`: true).
suppressPackageStartupMessages(library(metafor))
source("reference/json.R")

SETS <- 36
TAU2 <- c(0, 0, 0.02, 0.08, 0.2, 0.5)
TIGHT <- list(threshold = 1e-12, maxiter = 1000)
CYCLE_N <- c(26, 118, 22, 46, 34, 5, 11, 94, 11, 8, 3, 34, 58)

draw_sites <- function(i) {
  set.seed(20261600 + i)
  k <- if (i == 1) 3 else if (i == 2) 40 else sample(3:40, 1)
  tau2 <- TAU2[(i - 1) %% length(TAU2) + 1]
  mu <- runif(1, -0.4, 0.8)
  sites <- lapply(seq_len(k), function(s) {
    n1 <- sample(4:60, 1); n2 <- sample(4:60, 1)
    delta <- rnorm(1, mu, sqrt(tau2))
    a <- rnorm(n1, delta, 1); b <- rnorm(n2, 0, 1)
    list(label = sprintf("site %02d", s), n1 = n1, n2 = n2, m1 = mean(a), sd1 = sd(a), m2 = mean(b), sd2 = sd(b))
  })
  list(id = i, seed = 20261600 + i, trueTau2 = tau2, trueMu = mu, sites = sites)
}

# Hand-made sets: identical effects (Q = 0), an extreme spread of precisions, three sites only, and
# one precise site with an effect among twelve null sites, on which rma()'s Fisher scoring does
# not converge (it cycles: the step overshoots the maximum by more than twice its distance).
hand_made <- function() {
  site <- function(label, n1, n2, m1, sd1, m2, sd2) list(label = label, n1 = n1, n2 = n2, m1 = m1, sd1 = sd1, m2 = m2, sd2 = sd2)
  list(
    list(id = 101, seed = NA, trueTau2 = 0, trueMu = 0.5, sites = list(
      site("a", 20, 20, 0.5, 1, 0, 1), site("b", 20, 20, 0.5, 1, 0, 1), site("c", 20, 20, 0.5, 1, 0, 1), site("d", 20, 20, 0.5, 1, 0, 1))),
    list(id = 102, seed = NA, trueTau2 = NA, trueMu = NA, sites = list(
      site("tiny", 4, 5, 2.1, 0.8, 0.2, 1.1), site("huge", 400, 380, 0.1, 1, 0, 1), site("mid", 40, 35, 0.9, 1.2, 0.1, 0.9),
      site("neg", 25, 30, -0.6, 1, 0.2, 1.1), site("big", 150, 160, 0.45, 0.95, 0, 1.05))),
    list(id = 103, seed = NA, trueTau2 = NA, trueMu = NA, sites = list(
      site("x", 12, 14, 0.3, 1, 0, 1), site("y", 30, 28, 0.31, 1, 0, 1), site("z", 9, 11, 0.28, 1, 0, 1))),
    list(id = 104, seed = NA, trueTau2 = NA, trueMu = NA, sites = lapply(seq_along(CYCLE_N), function(j)
      site(sprintf("site %02d", j), CYCLE_N[j], CYCLE_N[j], if (j == 2) 0.48 else 0, 1, 0, 1)))
  )
}

fit_figures <- function(res) {
  pred <- predict(res)
  list(
    estimate = c(res$beta), se = res$se, z = res$zval, p = res$pval, ciLow = res$ci.lb, ciHigh = res$ci.ub,
    tau2 = res$tau2, tau = sqrt(res$tau2), i2 = res$I2, h2 = res$H2,
    q = res$QE, qDf = res$k - res$p, qP = res$QEp, piLow = pred$pi.lb, piHigh = pred$pi.ub,
    weights = I(unname(weights(res)))
  )
}

# d/dtau2 of the restricted log-likelihood at tau2 = 0 (times 2): Y'PPY - tr(P), W = diag(1/vi).
reml_score_at_zero <- function(yi, vi) {
  w <- 1 / vi; W <- diag(w); P <- W - tcrossprod(w) / sum(w)
  c(t(yi) %*% P %*% P %*% yi) - sum(diag(P))
}

# When Fisher scoring does not converge, halve its steps (stepadj = 0.5, the remedy help(rma) gives).
fit_reml <- function(yi, vi) {
  control <- TIGHT
  res <- tryCatch(rma(yi, vi, method = "REML", control = control), error = function(e) NULL)
  if (is.null(res)) {
    control <- c(TIGHT, stepadj = 0.5)
    res <- rma(yi, vi, method = "REML", control = control)
  }
  boundary <- res$tau2 < 1e-10 && reml_score_at_zero(yi, vi) < 0
  if (boundary) res <- rma(yi, vi, method = "REML", control = c(control, tau2.init = 0))
  list(res = res, boundary = boundary, stepadj = if (is.null(control$stepadj)) 1 else control$stepadj)
}

one_set <- function(set) {
  s <- set$sites
  col <- function(name) vapply(s, function(x) x[[name]], 0)
  es <- escalc(measure = "SMD", m1i = col("m1"), sd1i = col("sd1"), n1i = col("n1"),
               m2i = col("m2"), sd2i = col("sd2"), n2i = col("n2"))
  yi <- c(es$yi); vi <- c(es$vi)
  reml <- fit_reml(yi, vi)
  default <- tryCatch(rma(yi, vi, method = "REML"), error = function(e) NULL)
  dl <- rma(yi, vi, method = "DL")
  c(set[c("id", "seed", "trueTau2", "trueMu")], list(
    sites = lapply(seq_along(s), function(j) c(s[[j]], list(yi = yi[j], vi = vi[j]))),
    heInit = max(0, var(yi) - mean(vi)),
    remlBoundary = reml$boundary,
    remlStepadj = reml$stepadj,
    reml = fit_figures(reml$res),
    remlDefault = if (is.null(default)) NULL else list(estimate = c(default$beta), tau2 = default$tau2, se = default$se, i2 = default$I2),
    dl = fit_figures(dl)
  ))
}

sets <- c(lapply(seq_len(SETS), draw_sites), hand_made())
fits <- lapply(sets, one_set)
boundary <- vapply(fits, function(f) f$remlBoundary, TRUE)
he_positive <- vapply(fits, function(f) f$heInit > 0, TRUE)
zero_reml <- vapply(fits, function(f) f$reml$tau2 == 0, TRUE)
cat("sets:", length(fits), " REML tau2 = 0:", sum(zero_reml), " of which reached from a positive start:", sum(boundary & he_positive), "\n")
stepadj <- vapply(fits, function(f) f$remlStepadj != 1, TRUE)
cat("rma() without control fails on", sum(vapply(fits, function(f) is.null(f$remlDefault), TRUE)), "sets; stepadj = 0.5 needed on", sum(stepadj), "\n")
stopifnot(sum(zero_reml) >= 2, any(boundary & he_positive), any(stepadj))

# metafor's own worked example (help(rma): BCG vaccine trials, log risk ratios), as a published anchor.
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
published <- list(list(name = "dat.bcg", measure = "RR", labels = I(paste(bcg$author, bcg$year)), yi = I(c(bcg$yi)), vi = I(c(bcg$vi)),
                       reml = fit_figures(fit_reml(c(bcg$yi), c(bcg$vi))$res), dl = fit_figures(rma(yi, vi, data = bcg, method = "DL"))))

grid <- expand.grid(x = c(0, 1e-3, 0.5, 2, 9.7, 38, 80, 160), df = c(1, 2, 3, 7.5, 19, 39))
chisq <- lapply(seq_len(nrow(grid)), function(r) with(grid[r, ], list(x = x, df = df, upper = pchisq(x, df, lower.tail = FALSE))))

versions <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")))
write_json(list(versions = versions, control = TIGHT, qnorm975 = qnorm(0.975), chisq = chisq, sets = fits,
                published = published),
           "reference/fixtures/meta.json")
