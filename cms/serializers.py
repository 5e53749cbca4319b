"""API v2 representations of the reference data pages point at."""

from rest_framework import serializers


class LicenceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()
    explanation = serializers.CharField()


class InstitutionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    website = serializers.URLField()


class SubjectSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()


class TranslatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    affiliation = serializers.CharField()


class LessonSummarySerializer(serializers.Field):
    """A course's live lessons in their order, each with whether it is required."""

    def to_representation(self, course):
        return [
            {
                "id": lesson.pk,
                "title": lesson.title,
                "is_required": lesson.is_required,
                "estimated_minutes": lesson.estimated_minutes,
            }
            for lesson in course.lessons()
        ]
