import tools.report

text = tools.report.render([1, 2])
