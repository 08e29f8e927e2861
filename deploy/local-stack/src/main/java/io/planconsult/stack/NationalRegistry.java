package io.planconsult.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A generated national registry for the national simulation (issue 14, target 8): C cities whose sizes follow Zipf's
 * law (city k of 1..C weighs 1/k^s, as city populations roughly do), S stations shared out by that weight (at least
 * {@link #MIN_STATIONS} each), and 4 to 16 districts per city by size. Codes are synthetic and scoped by city
 * ({@code c007-d03}, station {@code st-c007-00012}), so one city's districts never merge with another's in a tally.
 * Suggestions come from stations uniformly, so a city's share of the traffic is its share of the stations.
 */
final class NationalRegistry {

    static final int MIN_STATIONS = 20;

    /** One city: its code, its districts, and its stations {@code firstStation .. firstStation + stations - 1}. */
    record City(int index, String code, int districts, int firstStation, int stations) {
        String district(int station) {
            return code + "-d" + String.format("%02d", (station - firstStation) % districts);
        }
    }

    private final List<City> cities;
    /** Per station, the index of its city. */
    private final int[] cityOfStation;

    private NationalRegistry(List<City> cities, int[] cityOfStation) {
        this.cities = cities;
        this.cityOfStation = cityOfStation;
    }

    /** @param exponent Zipf's s: 1 gives a largest city about 1/H(C) of the whole (16 % of 300 cities) */
    static NationalRegistry generate(int cityCount, int stationCount, double exponent) {
        if (stationCount < cityCount * MIN_STATIONS) {
            throw new IllegalArgumentException("fewer than " + MIN_STATIONS + " stations per city");
        }
        double[] weight = new double[cityCount];
        double sum = 0;
        for (int k = 0; k < cityCount; k++) {
            weight[k] = 1 / Math.pow(k + 1, exponent);
            sum += weight[k];
        }
        int[] stations = new int[cityCount];
        int spare = stationCount - cityCount * MIN_STATIONS;
        int given = 0;
        for (int k = 0; k < cityCount; k++) {
            stations[k] = MIN_STATIONS + (int) Math.floor(spare * weight[k] / sum);
            given += stations[k];
        }
        stations[0] += stationCount - given; // what rounding left over goes to the largest city
        List<City> cities = new ArrayList<>();
        int[] cityOfStation = new int[stationCount];
        int first = 0;
        for (int k = 0; k < cityCount; k++) {
            int districts = 4 + (int) Math.round(12 * Math.sqrt(weight[k]));
            cities.add(new City(k, String.format("c%03d", k + 1), districts, first, stations[k]));
            Arrays.fill(cityOfStation, first, first + stations[k], k);
            first += stations[k];
        }
        return new NationalRegistry(List.copyOf(cities), cityOfStation);
    }

    List<City> cities() {
        return cities;
    }

    int stations() {
        return cityOfStation.length;
    }

    int districts() {
        return cities.stream().mapToInt(City::districts).sum();
    }

    City cityOf(int station) {
        return cities.get(cityOfStation[station]);
    }

    /** The station of a suggestion: uniform over all stations, from a seeded random source (the same run after run). */
    int stationOf(Random random) {
        return random.nextInt(cityOfStation.length);
    }

    String stationId(int station) {
        City city = cityOf(station);
        return String.format("st-%s-%05d", city.code(), station - city.firstStation());
    }
}
