package no.dfo.kundesenter.cases.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's charts drawn by JFreeChart as inline SVG (decision 0074): an image with
 * an accessible name, its numbers in the table beside it.
 */
final class Charts {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 300;

	/** The style's blue and a dark orange: both at least 3:1 against white. */
	private static final List<Color> SERIES = List.of(new Color(0x1F, 0x4E, 0x79), new Color(0xB3, 0x4A, 0x00));

	private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

	private Charts() {
	}

	/** Bars, one group per row, one bar per series. */
	static String bars(String id, String name, List<String> series, List<String> rows, List<List<Number>> values,
			boolean horizontal) {
		JFreeChart chart = ChartFactory.createBarChart(null, null, null, dataset(series, rows, values),
				horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, series.size() > 1, false, false);
		BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setItemMargin(0.05);
		for (int i = 0; i < series.size(); i++) {
			renderer.setSeriesPaint(i, SERIES.get(i % SERIES.size()));
		}
		return svg(id, name, chart, !horizontal && rows.size() > 6);
	}

	/** Lines, one per series, across the rows (weeks). */
	static String lines(String id, String name, List<String> series, List<String> rows, List<List<Number>> values) {
		JFreeChart chart = ChartFactory.createLineChart(null, null, null, dataset(series, rows, values),
				PlotOrientation.VERTICAL, series.size() > 1, false, false);
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();
		renderer.setDefaultShapesVisible(true);
		for (int i = 0; i < series.size(); i++) {
			renderer.setSeriesPaint(i, SERIES.get(i % SERIES.size()));
			renderer.setSeriesStroke(i, new BasicStroke(2.5f));
		}
		return svg(id, name, chart, rows.size() > 6);
	}

	private static DefaultCategoryDataset dataset(List<String> series, List<String> rows, List<List<Number>> values) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (int r = 0; r < rows.size(); r++) {
			for (int s = 0; s < series.size(); s++) {
				dataset.addValue(values.get(r).get(s), series.get(s), rows.get(r));
			}
		}
		return dataset;
	}

	private static String svg(String id, String name, JFreeChart chart, boolean slantedLabels) {
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(new Color(0x76, 0x76, 0x76));
		CategoryAxis categories = plot.getDomainAxis();
		categories.setTickLabelFont(FONT);
		categories.setTickLabelPaint(Color.BLACK);
		categories.setMaximumCategoryLabelLines(2);
		if (slantedLabels) {
			categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		NumberAxis numbers = (NumberAxis) plot.getRangeAxis();
		numbers.setTickLabelFont(FONT);
		numbers.setTickLabelPaint(Color.BLACK);
		numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		LegendTitle legend = chart.getLegend();
		if (legend != null) {
			legend.setItemFont(FONT);
		}
		SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
		g2.setDefsKeyPrefix(id + "-");
		chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
		String svg = g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
		// HTML allows no namespace declarations on inline SVG but its own.
		return svg.replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "")
			.replace("<svg ", "<svg role=\"img\" aria-label=\"" + HtmlUtils.htmlEscape(name, "UTF-8")
					+ "\" class=\"chart__image\" ");
	}

}
