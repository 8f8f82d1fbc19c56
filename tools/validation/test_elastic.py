#!/usr/bin/env python3
"""Checks of the tensor algebra in elastic.py against closed forms.  python3 tools/validation/test_elastic.py"""
import unittest

import numpy as np

import elastic


def cubic(c11, c12, c44):
    c = np.zeros((6, 6))
    c[:3, :3] = c12
    np.fill_diagonal(c[:3, :3], c11)
    c[3, 3] = c[4, 4] = c[5, 5] = c44
    return c


def isotropic(e, nu):
    lam = e * nu / ((1 + nu) * (1 - 2 * nu))
    mu = e / (2 * (1 + nu))
    return cubic(lam + 2 * mu, lam, mu)


class ElasticAlgebra(unittest.TestCase):
    def test_cubic_directional_moduli_match_the_closed_forms(self):
        c = cubic(150.0, 60.0, 70.0)
        s = np.linalg.inv(c)
        j = s[0, 0] - s[0, 1] - 0.5 * s[3, 3]
        # 1/E(n) = S11 − 2J (n1²n2² + n2²n3² + n3²n1²) (Nye 1957)
        self.assertAlmostEqual(elastic.young_modulus(c, [1, 0, 0]), (150 - 60) * (150 + 120) / (150 + 60), places=9)
        self.assertAlmostEqual(elastic.young_modulus(c, [1, 1, 0]), 1 / (s[0, 0] - 2 * j / 4), places=9)
        self.assertAlmostEqual(elastic.young_modulus(c, [1, 1, 1]), 1 / (s[0, 0] - 2 * j / 3), places=9)

    def test_isotropic_tensor_gives_back_its_moduli_in_every_direction_and_in_vrh(self):
        c = isotropic(110.0, 0.27)
        for n in ([1, 0, 0], [1, 1, 0], [1, 2, 3], [0.3, -0.7, 0.2]):
            self.assertAlmostEqual(elastic.young_modulus(c, n), 110.0, places=9)
        v = elastic.vrh(c)
        self.assertAlmostEqual(v["E_H"], 110.0, places=9)
        self.assertAlmostEqual(v["nu_H"], 0.27, places=12)
        self.assertAlmostEqual(v["B_V"], v["B_R"], places=9)

    def test_voigt_bound_is_above_reuss_bound_for_an_anisotropic_crystal(self):
        v = elastic.vrh(cubic(150.0, 60.0, 70.0))
        self.assertGreater(v["G_V"], v["G_R"] + 1.0)
        self.assertAlmostEqual(v["G_V"], (150 - 60 + 3 * 70) / 5, places=9)

    def test_lattice_direction_111_of_a_tetragonal_cell_is_not_the_cube_diagonal(self):
        cell = np.diag([13.0, 13.0, 12.0])
        n = elastic.lattice_direction(cell, (1, 1, 1))
        self.assertAlmostEqual(n[2] / n[0], 12.0 / 13.0, places=12)

    def test_cubic_families_have_3_6_and_4_directions(self):
        self.assertEqual(len(elastic.family((1, 0, 0))), 3)
        self.assertEqual(len(elastic.family((1, 1, 0))), 6)
        self.assertEqual(len(elastic.family((1, 1, 1))), 4)

    def test_shear_deformation_has_engineering_shear_delta_in_its_symmetric_part(self):
        for j in range(3, 6):
            f = elastic.deformation(j, 0.004)
            eps = 0.5 * (f + f.T) - np.eye(3)
            a, b = elastic.VOIGT[j]
            self.assertAlmostEqual(2 * eps[a, b], 0.004, places=15)
            self.assertEqual(np.count_nonzero(np.tril(f, -1)), 0)  # upper triangle: a LAMMPS tilt

    def test_tetragonal_average_keeps_a_tetragonal_tensor_unchanged(self):
        c = cubic(130.0, 65.0, 52.0)
        c[2, 2] = 110.0
        c[0, 2] = c[2, 0] = c[1, 2] = c[2, 1] = 57.0
        c[5, 5] = 54.0
        np.testing.assert_allclose(elastic.tetragonal_average(c), c, atol=1e-12)


if __name__ == "__main__":
    unittest.main()
