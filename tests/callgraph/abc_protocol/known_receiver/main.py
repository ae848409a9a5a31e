from abc import ABC, abstractmethod


class Exporter(ABC):
    @abstractmethod
    def export(self, rows):
        ...


class CsvExporter(Exporter):
    def export(self, rows):
        return ",".join(rows)


class JsonExporter(Exporter):
    def export(self, rows):
        return "[" + ",".join(rows) + "]"


def export_json(exporter: JsonExporter, rows):
    return exporter.export(rows)


csv = CsvExporter()
text = csv.export(["a", "b"])
data = export_json(JsonExporter(), ["a"])
