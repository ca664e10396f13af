package fr.maillage.opendata.web;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.opendata.FieldLabels;
import fr.maillage.opendata.PublishedDirectory;
import fr.maillage.opendata.PublishedDirectory.Provenance;
import fr.maillage.opendata.merging.MergedRecord.Contribution;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where each value of a lieu comes from, as a page (issue 15): per field, the value kept
 * and the others, with their source and date. Public, as its JSON form
 * ({@code /api/v1/lieux/{id}/provenance}, ApiAccessRules) is: it only tells what the open
 * data already holds.
 */
@Controller
class ProvenanceController {

	private final PublishedDirectory published;

	private final PlaceDirectory places;

	ProvenanceController(PublishedDirectory published, PlaceDirectory places) {
		this.published = published;
		this.places = places;
	}

	/** What one source gave for a field. */
	record Value(String value, String source, String date) {
	}

	/** One field: the values kept, then the others. */
	record Field(String label, List<Value> kept, List<Value> others) {
	}

	/** One of the lieu's source records. */
	record Source(String source, String id, String date, @Nullable String editor) {
	}

	@GetMapping("/lieux/{id}/provenance")
	String provenance(@PathVariable String id, Model model) {
		Provenance provenance = published.getProvenance(id);
		Place lieu = places.getPlace(provenance.id());
		List<Field> fields = new ArrayList<>();
		for (SchemaField field : SchemaField.values()) {
			List<Contribution> contributions = provenance.merge().provenance().get(field.columnName());
			if (contributions == null || contributions.isEmpty()) {
				continue;
			}
			List<Value> kept = new ArrayList<>();
			List<Value> others = new ArrayList<>();
			for (Contribution contribution : contributions) {
				// a date reads in French, as everywhere on the pages
				String text = field == SchemaField.DATE_MAJ ? FieldLabels.date(contribution.updatedOn())
						: FieldLabels.value(contribution.value());
				Value value = new Value(text, FieldLabels.source(contribution.source()),
						FieldLabels.date(contribution.updatedOn()));
				(contribution.kept() ? kept : others).add(value);
			}
			fields.add(new Field(FieldLabels.label(field.columnName()), kept, others));
		}
		model.addAttribute("lieu", lieu);
		model.addAttribute("champs", fields);
		model.addAttribute("sources",
				provenance.records()
					.stream()
					.map(record -> new Source(FieldLabels.source(record.origin().importSource()),
							record.origin().sourceId(), FieldLabels.date(record.updatedOn()),
							fr.maillage.opendata.PlaceEditing.SOURCE.equals(record.origin().importSource())
									? provenance.editor() : null))
					.toList());
		model.addAttribute("editeur", provenance.editor());
		return "opendata/provenance";
	}

}
