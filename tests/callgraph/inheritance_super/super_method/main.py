class Model:
    def validate(self):
        return True

    def save(self):
        self.validate()
        return "saved"


class AuditedModel(Model):
    def save(self):
        result = super().save()
        return result + " (audited)"


status = AuditedModel().save()
