"""The cost arithmetic of docs/performance.md (python3 -m unittest cost_test, from bench/; bench/run
runs it before it renders): prices, schedule counts and savings worked out by hand."""
import math
import unittest

import cost


class CostTest(unittest.TestCase):
    def test_schedule_counts(self):
        self.assertEqual(cost.rate_minutes("rate(5 minutes)"), 5)
        self.assertEqual(cost.rate_minutes("rate(1 day)"), 1440)
        self.assertEqual(cost.rate_minutes("rate(15 minutes)"), 15)
        self.assertAlmostEqual(cost.runs_per_month(5), 8760)  # 730 h x 12 an hour
        self.assertAlmostEqual(cost.runs_per_month(1440), 730 / 24)

    def test_scheduler_mix_is_one_evening_and_one_morning_a_weekday(self):
        evenings, mornings, quiet = cost.scheduler_mix(8760)
        self.assertAlmostEqual(evenings, 5 * 730 / 168)  # 21.73
        self.assertAlmostEqual(mornings, evenings)
        self.assertAlmostEqual(quiet, 8760 - 2 * evenings)

    def test_lambda_arm64_price(self):
        gbs, duration, requests = cost.lambda_cost(1_000_000, 2.0, 512)
        self.assertAlmostEqual(gbs, 1_000_000)  # 1 M x 2 s x 0.5 GB
        self.assertAlmostEqual(duration, 13.3334)
        self.assertAlmostEqual(requests, 0.20)
        _, x86, _ = cost.lambda_cost(1_000_000, 2.0, 512, arm=False)
        self.assertAlmostEqual(x86, 16.6667)

    def test_line_adds_every_part(self):
        l = cost.line("f", 100, 1.0, 1024, sqs_requests=2_000_000, audit_events=1_000_000,
                      kms_requests=10_000, log_bytes=2e9)
        self.assertAlmostEqual(l["sqs"], 1.00)  # FIFO $0.50 / million
        self.assertAlmostEqual(l["events"], 1.00)
        self.assertAlmostEqual(l["kms"], 0.03)
        self.assertAlmostEqual(l["logs"], 1.00)
        self.assertAlmostEqual(l["total"], l["duration"] + l["requests"] + 3.03)

    def test_office_hours_savings(self):
        self.assertEqual(cost.office_hours_down(), 108)  # Mon-Fri 07:00-19:00 up
        hours, dollars = cost.savings(10, 2, 108, 0.096)
        self.assertAlmostEqual(hours, 10 * 5 * 2 * 108 * 730 / 168)  # 4,692.9
        self.assertAlmostEqual(dollars, hours * 0.096)

    def test_kms_month(self):
        requests, dollars = cost.kms_month(50, 21.73, 21.73)
        self.assertAlmostEqual(requests, 50 * 43.46)
        self.assertAlmostEqual(dollars, requests * 0.03 / 1e4 + 1.0)

    def test_extrapolated_keeps_the_fixed_part(self):
        # 5 s at 10 clusters, 14 s at 100: 4 s fixed + 0.1 s a cluster -> 104 s at 1,000.
        self.assertAlmostEqual(cost.extrapolated((10, 5.0), (100, 14.0), 1000), 104.0)

    def test_scaled(self):
        self.assertEqual(cost.scaled(3.0, 100, 1000), 30.0)
        self.assertTrue(math.isnan(cost.scaled(3.0, 0, 1000)))


if __name__ == "__main__":
    unittest.main()
