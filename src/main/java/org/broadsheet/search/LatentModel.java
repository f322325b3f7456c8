package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.lucene.util.BytesRef;

/**
 * A latent semantic space (LSA): the first {@value #DIMENSIONS} left singular vectors of
 * the term × article matrix of unit TF-IDF vectors, found by randomized SVD (Halko,
 * Martinsson and Tropp 2011: a Gaussian sketch of {@value #DIMENSIONS} + {@value #EXTRA}
 * columns, {@value #POWER_ITERATIONS} power iterations, then the eigen-decomposition of a
 * small matrix). An article, stored or new, is folded in by projecting its TF-IDF vector:
 * {@code Uᵀd}, so the model is fitted once and reused until the index has grown or shrunk
 * by a quarter (see {@link LatentSpace}).
 *
 * <p>
 * Few dimensions on purpose: they carry the broad topic two articles share even when they
 * share few words; the TF-IDF cosine, mixed in by {@link RelatedFinder}, keeps the
 * specific neighbour (the same story) first. Memory: one {@code float[DIMENSIONS]} per
 * term plus the term itself (about 140 bytes a term: 20 MB measured for 148,000 terms).
 * Immutable, thread-safe.
 */
final class LatentModel {

	static final int DIMENSIONS = 10;

	static final int EXTRA = 10;

	static final int POWER_ITERATIONS = 3;

	/** Fitted on at most this many articles (evenly spaced); the others are folded in. */
	static final int MOST_ARTICLES = 20_000;

	/** Fixed, so that the same index gives the same lists. */
	private static final long SEED = 42;

	private final Map<BytesRef, float[]> terms;

	private final int articles;

	private LatentModel(Map<BytesRef, float[]> terms, int articles) {
		this.terms = terms;
		this.articles = articles;
	}

	/** A source of unit TF-IDF vectors. */
	@FunctionalInterface
	interface Vectors {

		Map<BytesRef, Double> of(int doc) throws IOException;

	}

	/**
	 * @param docs the Lucene document numbers of the articles to fit on (at most
	 * {@value #MOST_ARTICLES} are read, evenly spaced)
	 * @param vectors their unit TF-IDF vectors
	 * @return the model; {@code null} when the articles share too few terms to span
	 * {@value #DIMENSIONS} dimensions
	 * @throws IOException when the index cannot be read
	 */
	static LatentModel fit(int[] docs, Vectors vectors) throws IOException {
		int step = Math.max(1, (docs.length + MOST_ARTICLES - 1) / MOST_ARTICLES);
		Map<BytesRef, Integer> ids = new HashMap<>();
		List<int[]> rows = new ArrayList<>();
		List<double[]> weights = new ArrayList<>();
		for (int i = 0; i < docs.length; i += step) {
			Map<BytesRef, Double> vector = vectors.of(docs[i]);
			int[] row = new int[vector.size()];
			double[] weight = new double[vector.size()];
			int p = 0;
			for (var entry : vector.entrySet()) {
				row[p] = ids.computeIfAbsent(entry.getKey(), key -> ids.size());
				weight[p++] = entry.getValue();
			}
			rows.add(row);
			weights.add(weight);
		}
		int width = DIMENSIONS + EXTRA;
		if (ids.size() < width || rows.size() < width) {
			return null;
		}
		var matrix = new Sparse(rows.toArray(int[][]::new), weights.toArray(double[][]::new), ids.size());
		double[][] basis = matrix.basis(width);
		double[][] small = smallGram(matrix.transposedTimes(basis), width);
		var eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(small));
		double[] values = eigen.getRealEigenvalues();
		Integer[] order = new Integer[width];
		for (int a = 0; a < width; a++) {
			order[a] = a;
		}
		// Largest first: the directions that carry most of the matrix.
		Arrays.sort(order, (a, c) -> Double.compare(values[c], values[a]));
		double[][] v = eigen.getV().getData();
		Map<BytesRef, float[]> terms = new HashMap<>();
		ids.forEach((term, id) -> {
			float[] row = new float[DIMENSIONS];
			for (int c = 0; c < DIMENSIONS; c++) {
				double sum = 0;
				for (int a = 0; a < width; a++) {
					sum += basis[id][a] * v[a][order[c]];
				}
				row[c] = (float) sum;
			}
			terms.put(term, row);
		});
		return new LatentModel(terms, docs.length);
	}

	/** How many articles the index had when the model was fitted. */
	int articles() {
		return articles;
	}

	/**
	 * @param vector a unit TF-IDF vector (terms unknown to the model are skipped)
	 * @return its projection, unit length; all zeros when no term is known
	 */
	float[] project(Map<BytesRef, Double> vector) {
		double[] sum = new double[DIMENSIONS];
		vector.forEach((term, weight) -> {
			float[] row = terms.get(term);
			if (row != null) {
				for (int c = 0; c < DIMENSIONS; c++) {
					sum[c] += weight * row[c];
				}
			}
		});
		double length = Math.sqrt(dot(sum, sum));
		float[] unit = new float[DIMENSIONS];
		for (int c = 0; c < DIMENSIONS && length > 0; c++) {
			unit[c] = (float) (sum[c] / length);
		}
		return unit;
	}

	/**
	 * @return the cosine of two projections, -1 to 1; 0 when one is all zeros
	 */
	static double cosine(float[] a, float[] b) {
		double sum = 0;
		for (int c = 0; c < a.length; c++) {
			sum += a[c] * b[c];
		}
		return sum;
	}

	/**
	 * @return {@code Bᵀ B} of the rows given ({@code B}'s transpose), width × width
	 */
	private static double[][] smallGram(double[][] rows, int width) {
		double[][] gram = new double[width][width];
		for (double[] row : rows) {
			for (int a = 0; a < width; a++) {
				for (int c = a; c < width; c++) {
					gram[a][c] += row[a] * row[c];
				}
			}
		}
		for (int a = 0; a < width; a++) {
			for (int c = 0; c < a; c++) {
				gram[a][c] = gram[c][a];
			}
		}
		return gram;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int c = 0; c < a.length; c++) {
			sum += a[c] * b[c];
		}
		return sum;
	}

	/**
	 * The term × article matrix, stored by article: the products a randomized SVD needs.
	 */
	private record Sparse(int[][] rows, double[][] weights, int terms) {

		/**
		 * @return an orthonormal basis (terms × width) of the matrix's range, sharpened
		 * by power iterations
		 */
		double[][] basis(int width) {
			var random = new Random(SEED);
			double[][] sketch = new double[rows.length][width];
			for (double[] row : sketch) {
				for (int c = 0; c < width; c++) {
					row[c] = random.nextGaussian();
				}
			}
			double[][] range = orthonormal(times(sketch));
			for (int i = 0; i < POWER_ITERATIONS; i++) {
				range = orthonormal(times(orthonormal(transposedTimes(range))));
			}
			return range;
		}

		/**
		 * @return {@code A X}, terms × width, for {@code X} articles × width
		 */
		double[][] times(double[][] x) {
			double[][] y = new double[terms][x[0].length];
			for (int i = 0; i < rows.length; i++) {
				for (int p = 0; p < rows[i].length; p++) {
					double[] target = y[rows[i][p]];
					for (int c = 0; c < target.length; c++) {
						target[c] += weights[i][p] * x[i][c];
					}
				}
			}
			return y;
		}

		/**
		 * @return {@code Aᵀ Y}, articles × width, for {@code Y} terms × width
		 */
		double[][] transposedTimes(double[][] y) {
			double[][] z = new double[rows.length][y[0].length];
			for (int i = 0; i < rows.length; i++) {
				for (int p = 0; p < rows[i].length; p++) {
					double[] source = y[rows[i][p]];
					for (int c = 0; c < source.length; c++) {
						z[i][c] += weights[i][p] * source[c];
					}
				}
			}
			return z;
		}

		/** Modified Gram-Schmidt on the columns, in place. */
		private static double[][] orthonormal(double[][] m) {
			int width = m[0].length;
			for (int c = 0; c < width; c++) {
				for (int p = 0; p < c; p++) {
					double sum = 0;
					for (double[] row : m) {
						sum += row[c] * row[p];
					}
					for (double[] row : m) {
						row[c] -= sum * row[p];
					}
				}
				double length = 0;
				for (double[] row : m) {
					length += row[c] * row[c];
				}
				double norm = Math.sqrt(length);
				for (double[] row : m) {
					row[c] = norm > 0 ? row[c] / norm : 0;
				}
			}
			return m;
		}

	}

}
