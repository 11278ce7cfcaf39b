# Regenerates libs/analysis/reference/fixtures/*.json. Run from libs/analysis:
#   Rscript reference/generate-fixtures.R
# R 4.2 (Debian): apt-get install --no-install-recommends r-base-core r-cran-car r-cran-effectsize r-cran-pwr
suppressPackageStartupMessages({ library(car); library(effectsize); library(pwr) })
source("reference/json.R")
source("reference/datasets.R")
source("reference/analyses.R")

DATASETS <- 60
out <- "reference/fixtures"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

versions <- list(
  R = R.version.string, car = as.character(packageVersion("car")),
  effectsize = as.character(packageVersion("effectsize")), pwr = as.character(packageVersion("pwr"))
)

one_dataset <- function(i) {
  d <- draw_dataset(i)
  ind <- d$individuals; factors <- d$factors
  s <- session_scores(ind, factors)
  scored <- s[!is.na(s$y), ]
  cells <- cells_of(factors)
  two_level <- Filter(function(f) length(f$levels) == 2, factors)
  list(
    id = i, factors = factors,
    individuals = lapply(seq_len(nrow(ind)), function(r) list(
      sessionId = ind$session[r], levels = as.list(ind[r, vapply(factors, function(f) f$id, ""), drop = FALSE]),
      pre = ind$pre[r], post = ind$post[r])),
    sessionScores = lapply(seq_len(nrow(s)), function(r) list(sessionId = s$session[r], mean = s$y[r], members = s$members[r])),
    descriptives = list(
      individuals = describe(ind$post),
      cells = lapply(seq_len(nrow(cells)), function(r) {
        inside <- Reduce(`&`, lapply(names(cells), function(id) as.character(s[[id]]) == cells[r, id]))
        list(levels = as.list(cells[r, , drop = FALSE]), values = I(s$y[inside]), result = describe(s$y[inside]))
      })
    ),
    icc = icc1(ind),
    pairwiseIcc = pairwise_icc(ind),
    model = fit_model(scored, factors, covariate = FALSE),
    ancova = fit_model(scored, factors, covariate = TRUE),
    groupComparisons = lapply(two_level, function(f) group_comparison(s, f)),
    change = change_scores(ind)
  )
}

datasets <- lapply(seq_len(DATASETS), one_dataset)
write_json(list(versions = versions, datasets = datasets), file.path(out, "datasets.json"))

# Noncentral t CDF (R's pnt, AS 243) over a grid, both tails.
pt_grid <- expand.grid(x = c(-6, -2.5, -0.3, 0, 0.4, 1.7, 3.2, 7.5, 25),
                       df = c(1, 2.5, 5, 13, 40, 250), ncp = c(-4, -0.7, 0.25, 1, 2.8, 6.5, 12))
pt_cases <- lapply(seq_len(nrow(pt_grid)), function(r) with(pt_grid[r, ], list(
  x = x, df = df, ncp = ncp, lower = pt(x, df, ncp), upper = pt(x, df, ncp, lower.tail = FALSE))))

# pwr solves with uniroot's default tolerance (about 1e-4); "exact" re-solves pwr's own power
# function with a tight tolerance, which is what the library is compared with to 1e-6.
power_two <- function(n1, n2, d, alpha) {
  nu <- n1 + n2 - 2; qu <- qt(alpha / 2, nu, lower.tail = FALSE); ncp <- d / sqrt(1 / n1 + 1 / n2)
  pt(qu, nu, ncp, lower.tail = FALSE) + pt(-qu, nu, ncp)
}
size_cases <- lapply(list(c(0.5, 0.05, 0.8), c(0.2, 0.05, 0.8), c(0.8, 0.05, 0.9), c(0.35, 0.01, 0.8),
                          c(1.2, 0.05, 0.95), c(0.5, 0.1, 0.5), c(2.5, 0.05, 0.8), c(0.05, 0.05, 0.8)), function(v) {
  n <- pwr.t.test(d = v[1], sig.level = v[2], power = v[3])$n
  exact <- uniroot(function(n) power_two(n, n, v[1], v[2]) - v[3], c(2 + 1e-10, 1e9), tol = 1e-12)$root
  list(d = v[1], alpha = v[2], power = v[3], pwrN = n, exactN = exact, perGroup = ceiling(n))
})
power_cases <- lapply(list(c(10, 10, 0.5, 0.05), c(64, 64, 0.5, 0.05), c(12, 20, 0.9, 0.05), c(3, 4, 1.5, 0.05),
                           c(40, 25, 0.3, 0.01), c(200, 180, 0.2, 0.05), c(7, 7, -0.8, 0.1), c(2, 2, 3, 0.05)), function(v) {
  list(n1 = v[1], n2 = v[2], d = v[3], alpha = v[4],
       power = pwr.t2n.test(n1 = v[1], n2 = v[2], d = v[3], sig.level = v[4])$power,
       pwrTTest = if (v[1] == v[2]) pwr.t.test(n = v[1], d = v[3], sig.level = v[4])$power else NA)
})
d33_cases <- lapply(list(c(20, 20), c(15, 17), c(50, 50), c(8, 12), c(100, 95), c(3, 3)), function(v) {
  list(n1 = v[1], n2 = v[2], pwrD = pwr.t2n.test(n1 = v[1], n2 = v[2], power = 1 / 3)$d,
       exactD = uniroot(function(d) power_two(v[1], v[2], d, 0.05) - 1 / 3, c(1e-7, 10), tol = 1e-14)$root)
})
telescope_cases <- lapply(list(c(20, 20, 0.1, 60, 60), c(15, 17, 0.4, 40, 45), c(50, 50, -0.2, 120, 110),
                               c(10, 10, 0.9, 30, 30)), function(v) {
  d33 <- uniroot(function(d) power_two(v[1], v[2], d, 0.05) - 1 / 3, c(1e-7, 10), tol = 1e-14)$root
  se <- sqrt((v[4] + v[5]) / (v[4] * v[5]) + v[3]^2 / (2 * (v[4] + v[5])))
  z <- (v[3] - d33) / se
  list(original = list(n1 = v[1], n2 = v[2]), replication = list(d = v[3], n1 = v[4], n2 = v[5]),
       d33 = d33, se = se, z = z, p = pnorm(z))
})
write_json(list(versions = versions, pt = pt_cases, sampleSize = size_cases, power = power_cases,
                d33 = d33_cases, smallTelescopes = telescope_cases), file.path(out, "distributions.json"))
